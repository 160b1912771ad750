package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.List;
import java.util.Map;

/** What an administrator sets on an agent with {@code PUT /agents/{agentId}}. */
public record AgentProfile(String id, String name, int tier, Map<String, Integer> skills, List<String> languages,
        Map<Channel, Integer> capacity, String team) {

    public AgentProfile {
        skills = Map.copyOf(skills);
        languages = List.copyOf(languages);
        capacity = Map.copyOf(capacity);
    }
}
