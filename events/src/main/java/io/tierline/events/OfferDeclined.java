package io.tierline.events;

import java.time.Instant;

/** The agent declined the offer; the contact goes back to the head of its queue. */
public record OfferDeclined(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        String reason) implements AssignmentEvent {
}
