package io.tierline.escalation.api;

import io.tierline.escalation.Case;
import io.tierline.escalation.HandleTime;
import io.tierline.escalation.HistoryEntry;
import io.tierline.events.Customer;

/** From the domain to the REST DTOs. */
final class CaseViews {
    private CaseViews() {
    }

    static CaseView view(Case c) {
        return new CaseView(c.caseId(), c.caseNumber(), c.status(), c.tier(), c.queueId(), c.priority(),
                c.contactId(), c.contactIds(), customer(c.customer()), c.channel(), c.language(), c.category(),
                c.subject(), c.repeatOf(), c.escalations(), c.openedAt(), c.updatedAt(), c.closedAt(),
                c.pickupDueAt(), c.loopDetected(), engineering(c.engineering()), c.history().stream().map(CaseViews::entry).toList());
    }

    static CaseSummaryView summary(Case c) {
        return new CaseSummaryView(c.caseId(), c.caseNumber(), c.status(), c.tier(), c.queueId(), c.priority(),
                c.contactId(), c.customer() == null ? null : c.customer().id(), c.category(), c.escalations(),
                c.openedAt(), c.updatedAt(), c.closedAt());
    }

    static HistoryEntryView entry(HistoryEntry entry) {
        var v = new HistoryEntryView();
        v.eventId = entry.eventId();
        v.kind = entry.kind();
        v.at = entry.at();
        v.recordedAt = entry.recordedAt();
        if (entry instanceof HistoryEntry.Escalated e) {
            v.contactId = e.contactId();
            v.agentId = e.agentId();
            v.fromTier = e.fromTier();
            v.toTier = e.toTier();
            v.queueId = e.queueId();
            v.priority = e.priority();
            v.reason = e.reason();
            v.notes = e.notes();
            v.diagnostics = e.diagnostics();
            handleTime(v, e.handleTime());
            v.policyVersion = e.policyVersion();
            v.ruleId = e.ruleId();
            v.expectedResponseBy = e.expectedResponseBy();
            if (e.loopDetected()) {
                v.loopDetected = true;
                v.preventedToTier = e.preventedToTier();
                v.preventedQueueId = e.preventedQueueId();
            }
        } else if (entry instanceof HistoryEntry.Assigned a) {
            v.contactId = a.contactId();
            v.agentId = a.agentId();
            v.tier = a.tier();
            v.queueId = a.queueId();
        } else if (entry instanceof HistoryEntry.Resolved r) {
            v.contactId = r.contactId();
            v.agentId = r.agentId();
            v.tier = r.tier();
            v.queueId = r.queueId();
            v.notes = r.notes();
            handleTime(v, r.handleTime());
            v.resolutionCode = r.resolutionCode();
        } else if (entry instanceof HistoryEntry.SlaBreached b) {
            v.tier = b.tier();
            v.queueId = b.queueId();
            v.priority = b.priority();
            v.pickupDueAt = b.pickupDueAt();
            v.expectedResponseBy = b.expectedResponseBy();
        } else if (entry instanceof HistoryEntry.RepeatContact r) {
            v.contactId = r.contactId();
            v.channel = r.channel();
            v.subject = r.subject();
            v.reopened = r.reopened();
        } else if (entry instanceof HistoryEntry.Engineering e) {
            v.handoffId = e.handoffId();
            v.attempts = e.attempts();
            v.error = e.error();
            v.author = e.author();
            v.text = e.text();
        } else if (entry instanceof HistoryEntry.Note n) {
            v.author = n.author();
            v.text = n.text();
        }
        return v;
    }

    private static CaseView.Engineering engineering(io.tierline.escalation.EngineeringHandoff h) {
        return h == null ? null : new CaseView.Engineering(h.handoffId(), h.state().name(), h.attempts(),
                h.requestedAt(), h.nextAttemptAt());
    }

    private static void handleTime(HistoryEntryView v, HandleTime h) {
        if (h != null) {
            v.acceptedAt = h.acceptedAt();
            v.talkMillis = h.talkMillis();
            v.holdMillis = h.holdMillis();
        }
    }

    private static CustomerView customer(Customer customer) {
        return customer == null ? null
                : new CustomerView(customer.id(), customer.name(), customer.email(), customer.phone(),
                        customer.segment());
    }
}
