package io.tierline.escalation.messaging;

import io.tierline.escalation.HandleTime;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.EscalationDecision;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.OfferAccepted;
import java.time.Instant;

/** From incoming events to case history entries: everything the tier reported is kept. */
final class HistoryEntries {
    private HistoryEntries() {
    }

    /** {@code prevented}: the move the rule made, had it not been made for this contact before; else null. */
    static HistoryEntry.Escalated escalated(ContactUnresolved event, EscalationDecision decision, Instant now,
            Instant expectedResponseBy, EscalationDecision prevented) {
        return new HistoryEntry.Escalated(event.eventId(), event.occurredAt(), now, event.contactId(),
                event.agentId(), decision.fromTier(), decision.toTier(), decision.queueId(), decision.priority(),
                event.reason(), event.notes(), event.diagnostics(),
                new HandleTime(event.acceptedAt(), event.talkMillis(), event.holdMillis()),
                decision.policyVersion(), decision.ruleId(), expectedResponseBy, prevented != null,
                prevented == null ? null : prevented.toTier(), prevented == null ? null : prevented.queueId());
    }

    static HistoryEntry.Resolved resolved(ContactResolved event, Instant now) {
        return new HistoryEntry.Resolved(event.eventId(), event.occurredAt(), now, event.contactId(),
                event.agentId(), event.tier(), event.queueId(), event.resolutionCode(), event.notes(),
                new HandleTime(event.acceptedAt(), event.talkMillis(), event.holdMillis()));
    }

    static HistoryEntry.Assigned assigned(OfferAccepted event, Instant now) {
        return new HistoryEntry.Assigned(event.eventId(), event.occurredAt(), now, event.contactId(),
                event.agentId(), event.tier(), event.queueId());
    }
}
