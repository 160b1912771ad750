package io.tierline.events;

import java.time.Instant;

/** The agent took the customer off hold; {@code holdMillis} is this hold's length. */
public record ContactResumed(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        long holdMillis) implements AssignmentEvent {
}
