package io.tierline.events;

import java.time.Instant;

/**
 * The agent finished after-contact work: one handling is complete and its handle-time parts are final.
 * Handle time = {@code talkMillis + holdMillis + wrapUpMillis} = {@code occurredAt - acceptedAt}.
 */
public record WrapUpEnded(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        HandlingOutcome outcome,
        Instant acceptedAt,
        Instant handlingEndedAt,
        long talkMillis,
        long holdMillis,
        long wrapUpMillis) implements AssignmentEvent {

    public long handleMillis() {
        return talkMillis + holdMillis + wrapUpMillis;
    }
}
