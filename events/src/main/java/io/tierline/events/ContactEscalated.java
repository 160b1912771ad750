package io.tierline.events;

import java.time.Instant;

/**
 * Escalation promoted the contact to {@code toTier} and {@code queueId}; routing queues it there.
 * {@code escalations} counts this one. {@code policyVersion} and {@code ruleId} record the decision.
 */
public record ContactEscalated(
        String eventId,
        String contactId,
        Instant occurredAt,
        String caseId,
        String caseNumber,
        int fromTier,
        int toTier,
        String queueId,
        Priority priority,
        UnresolvedReason reason,
        int escalations,
        String policyVersion,
        String ruleId,
        Channel channel,
        String language,
        String category,
        Customer customer,
        String subject,
        String repeatOf) implements EscalationEvent {
}
