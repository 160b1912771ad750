package io.tierline.events;

import java.time.Instant;

/** The agent did not answer the offer in time; the contact goes back to the head of its queue. */
public record OfferTimedOut(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel) implements AssignmentEvent {
}
