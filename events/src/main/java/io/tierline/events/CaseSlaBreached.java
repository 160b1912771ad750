package io.tierline.events;

import java.time.Instant;

/**
 * A case waited past its tier's pick-up target. Escalation raised its priority to {@code priority}; routing
 * re-orders the waiting contact; ops see the breach.
 */
public record CaseSlaBreached(
        String eventId,
        String contactId,
        Instant occurredAt,
        String caseId,
        String caseNumber,
        int tier,
        String queueId,
        Priority priority,
        Instant pickupDueAt) implements EscalationEvent {
}
