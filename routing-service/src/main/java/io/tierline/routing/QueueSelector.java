package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the queue for a new contact among the tier-1 queues whose channels contain the contact's channel,
 * whose languages contain its language (or are empty, meaning any) and whose categories contain its category
 * (or are empty, meaning any). A queue that names the contact's category comes before a catch-all one; then
 * queue id order. Plain Java.
 */
public final class QueueSelector {

    public static final int ENTRY_TIER = 1;

    public QueueDecision select(Channel channel, String language, List<RoutingQueue> queues) {
        return select(channel, language, null, queues);
    }

    public QueueDecision select(Channel channel, String language, String category, List<RoutingQueue> queues) {
        List<RoutingQueue> fitting = queues.stream()
                .filter(q -> q.tier() == ENTRY_TIER)
                .filter(q -> q.channels().contains(channel))
                .filter(q -> q.speaks(language))
                .filter(q -> q.serves(category))
                .sorted(Comparator.comparing((RoutingQueue q) -> q.namesCategory(category) ? 0 : 1)
                        .thenComparing(RoutingQueue::id))
                .toList();
        if (fitting.isEmpty()) {
            return new QueueDecision(null, "no tier-" + ENTRY_TIER + " queue serves channel " + channel
                    + " in language " + language + (category == null ? "" : " for category " + category) + " yet");
        }
        RoutingQueue chosen = fitting.get(0);
        String languages = chosen.anyLanguage() ? "any language" : "language " + language;
        String categories = chosen.namesCategory(category) ? " for category " + category
                : chosen.anyCategory() ? " for any category" : "";
        String reason = "first tier-" + ENTRY_TIER + " queue by id serving " + channel + " in " + languages
                + categories + (fitting.size() > 1 ? " (" + fitting.size() + " queues fit)" : "");
        return new QueueDecision(chosen, reason);
    }
}
