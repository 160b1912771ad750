package io.tierline.escalation.api;

import io.tierline.escalation.Case;
import io.tierline.escalation.HandleTime;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.TierPolicy;
import io.tierline.events.Customer;

/** From the domain to the REST DTOs. */
final class CaseViews {
    private CaseViews() {
    }

    static CaseView view(Case c) {
        return new CaseView(c.caseId(), c.caseNumber(), c.status(), c.tier(), c.queueId(), c.priority(),
                c.contactId(), c.contactIds(), customer(c.customer()), c.channel(), c.language(), c.category(),
                c.subject(), c.repeatOf(), c.escalations(), c.openedAt(), c.updatedAt(), c.closedAt(),
                c.pickupDueAt(), c.history().stream().map(CaseViews::entry).toList());
    }

    static CaseSummaryView summary(Case c) {
        return new CaseSummaryView(c.caseId(), c.caseNumber(), c.status(), c.tier(), c.queueId(), c.priority(),
                c.contactId(), c.customer() == null ? null : c.customer().id(), c.category(), c.escalations(),
                c.openedAt(), c.updatedAt(), c.closedAt());
    }

    static HistoryEntryView entry(HistoryEntry entry) {
        if (entry instanceof HistoryEntry.Escalated e) {
            HandleTime h = e.handleTime();
            return new HistoryEntryView(e.eventId(), e.kind(), e.at(), e.recordedAt(), e.contactId(), e.agentId(),
                    null, e.fromTier(), e.toTier(), e.queueId(), e.priority(), e.reason(), e.notes(),
                    e.diagnostics(), h == null ? null : h.acceptedAt(), h == null ? null : h.talkMillis(),
                    h == null ? null : h.holdMillis(), null, e.policyVersion(), e.ruleId(),
                    e.expectedResponseBy(), null, null);
        }
        if (entry instanceof HistoryEntry.Assigned a) {
            return new HistoryEntryView(a.eventId(), a.kind(), a.at(), a.recordedAt(), a.contactId(), a.agentId(),
                    a.tier(), null, null, a.queueId(), null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        if (entry instanceof HistoryEntry.Resolved r) {
            HandleTime h = r.handleTime();
            return new HistoryEntryView(r.eventId(), r.kind(), r.at(), r.recordedAt(), r.contactId(), r.agentId(),
                    r.tier(), null, null, r.queueId(), null, null, r.notes(), null,
                    h == null ? null : h.acceptedAt(), h == null ? null : h.talkMillis(),
                    h == null ? null : h.holdMillis(), r.resolutionCode(), null, null, null, null, null);
        }
        HistoryEntry.Note n = (HistoryEntry.Note) entry;
        return new HistoryEntryView(n.eventId(), n.kind(), n.at(), n.recordedAt(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, n.author(), n.text());
    }

    static PolicyView policy(TierPolicy policy) {
        return new PolicyView(policy.version(), TierPolicy.FIRST_TIER, TierPolicy.TOP_TIER,
                policy.targets().stream()
                        .map(t -> new PolicyView.Tier(t.tier(), t.queueId(), t.pickupTarget().toString())).toList(),
                policy.rules().stream().map(r -> new PolicyView.Rule(r.id(), r.description())).toList());
    }

    private static CustomerView customer(Customer customer) {
        return customer == null ? null
                : new CustomerView(customer.id(), customer.name(), customer.email(), customer.phone(),
                        customer.segment());
    }
}
