package io.tierline.routing.api;

import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import java.util.List;
import java.util.Map;

/**
 * An agent as the API shows it.
 *
 * @param load per channel, the contacts offered, assigned or in wrap-up
 */
public record AgentView(String agentId, String name, int tier, Map<String, Integer> skills, List<String> languages,
        Map<Channel, Integer> capacity, AgentStatus status, Map<Channel, Integer> load, String team) {
}
