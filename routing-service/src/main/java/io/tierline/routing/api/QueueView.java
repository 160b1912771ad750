package io.tierline.routing.api;

import io.tierline.events.Channel;
import io.tierline.routing.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A queue as the API shows it. */
public record QueueView(String queueId, String name, int tier, Set<Channel> channels, List<String> languages,
        Map<String, Integer> skills, List<String> categories, SlaBody sla, Integer maxWaitSeconds,
        String overflowQueueId, Strategy strategy, Integer wrapUpSeconds) {
}
