package io.tierline.events;

import java.time.Instant;

/** The agent put the customer on hold. */
public record ContactHeld(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel) implements AssignmentEvent {
}
