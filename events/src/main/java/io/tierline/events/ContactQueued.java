package io.tierline.events;

import java.time.Instant;

/** Routing put the contact in a queue; {@code reason} records why that queue. */
public record ContactQueued(
        String eventId,
        String contactId,
        Instant occurredAt,
        String queueId,
        int tier,
        Channel channel,
        Priority priority,
        String reason) implements AssignmentEvent {

    @Override
    public String agentId() {
        return null;
    }
}
