package io.tierline.events;

import java.time.Instant;

/** The agent accepted the offer: the contact is assigned. {@code queuedAt} to acceptance is the answer wait. */
public record OfferAccepted(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        Instant queuedAt) implements AssignmentEvent {
}
