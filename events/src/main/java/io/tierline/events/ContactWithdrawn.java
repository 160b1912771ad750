package io.tierline.events;

import java.time.Instant;

/**
 * Routing took a waiting or offered contact out of its queue without an agent handling it: the customer
 * abandoned, or it left the queue as unresolved (SLA breach). {@code agentId} is set if an offer was withdrawn.
 */
public record ContactWithdrawn(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        String reason,
        Instant queuedAt) implements AssignmentEvent {
}
