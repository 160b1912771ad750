package io.tierline.events;

import java.time.Instant;

/**
 * Routing took a waiting or offered contact out of its queue without an agent handling it. {@code reason}:
 * {@code ABANDONED} (the customer left), {@code DEFLECTED} (self-service solved it), {@code SLA_BREACH} (it left
 * the queue as unresolved past its maximum wait). {@code agentId} is set if an offer was withdrawn.
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
