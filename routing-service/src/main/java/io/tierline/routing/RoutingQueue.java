package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A queue. In this version only tier, channels and languages take part in matching; the rest is stored for
 * the routing rules that follow.
 *
 * @param languages     BCP 47 tags as given; empty means any language
 * @param wrapUpSeconds after-contact work for contacts handled from this queue, or null for the default
 */
public record RoutingQueue(
        String id,
        String name,
        int tier,
        Set<Channel> channels,
        List<String> languages,
        Map<String, Integer> skills,
        List<String> categories,
        Sla sla,
        Integer maxWaitSeconds,
        String overflowQueueId,
        Strategy strategy,
        Integer wrapUpSeconds) {

    public RoutingQueue {
        channels = Set.copyOf(channels);
        languages = List.copyOf(languages);
        skills = Map.copyOf(skills);
        categories = List.copyOf(categories);
        strategy = strategy == null ? Strategy.LONGEST_IDLE : strategy;
    }

    public boolean anyLanguage() {
        return languages.isEmpty();
    }

    public boolean speaks(String language) {
        return anyLanguage() || Languages.keys(languages).contains(Languages.key(language));
    }
}
