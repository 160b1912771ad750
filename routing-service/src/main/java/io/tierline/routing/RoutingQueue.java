package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A queue. Tier, channels, languages and categories choose the queue of a new contact; tier, languages and the
 * required skills (minimum levels) decide which agents may take its contacts; the strategy orders those agents.
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

    public boolean anyCategory() {
        return categories.isEmpty();
    }

    /** Whether the queue lists this category (case-insensitively). */
    public boolean namesCategory(String category) {
        return category != null && Languages.keys(categories).contains(Languages.key(category));
    }

    /** A contact fits the queue's categories if the queue lists none, lists its category, or it has none. */
    public boolean serves(String category) {
        return anyCategory() || category == null || namesCategory(category);
    }
}
