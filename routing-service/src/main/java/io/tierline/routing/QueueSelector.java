package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the queue for a new contact: the first tier-1 queue, in queue id order, whose channels contain the
 * contact's channel and whose languages contain its language (or are empty, meaning any). Plain Java.
 */
public final class QueueSelector {

    public static final int ENTRY_TIER = 1;

    public QueueDecision select(Channel channel, String language, List<RoutingQueue> queues) {
        List<RoutingQueue> fitting = queues.stream()
                .filter(q -> q.tier() == ENTRY_TIER)
                .filter(q -> q.channels().contains(channel))
                .filter(q -> q.speaks(language))
                .sorted(Comparator.comparing(RoutingQueue::id))
                .toList();
        if (fitting.isEmpty()) {
            return new QueueDecision(null, "no tier-" + ENTRY_TIER + " queue serves channel " + channel
                    + " in language " + language + " yet");
        }
        RoutingQueue chosen = fitting.get(0);
        String languages = chosen.anyLanguage() ? "any language" : "language " + language;
        String reason = "first tier-" + ENTRY_TIER + " queue by id serving " + channel + " in " + languages
                + (fitting.size() > 1 ? " (" + fitting.size() + " queues fit)" : "");
        return new QueueDecision(chosen, reason);
    }
}
