package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.CustomerNotified;
import io.tierline.events.EventIds;
import io.tierline.events.NotificationKind;
import java.time.Instant;

/**
 * From a case and the history entry an incoming event produced to the events this service publishes.
 * Ids derive from the incoming event id and every value comes from what is stored, so a re-publication
 * after a redelivery is the same event.
 */
final class OutgoingEvents {
    private OutgoingEvents() {
    }

    static ContactEscalated escalated(ContactUnresolved in, Case c, HistoryEntry.Escalated entry) {
        return new ContactEscalated(EventIds.derive(in.eventId(), "escalated"), in.contactId(), entry.recordedAt(),
                c.caseId(), c.caseNumber(), entry.fromTier(), entry.toTier(), entry.queueId(), entry.priority(),
                in.reason(), in.escalations() + 1, entry.policyVersion(), entry.ruleId(), in.channel(),
                in.language(), in.category(), in.customer(), in.subject(), in.repeatOf());
    }

    static CustomerNotified escalatedNotice(String contactId, Case c, HistoryEntry.Escalated entry,
            boolean handedToEngineering) {
        String message = handedToEngineering
                ? "Your case " + c.caseNumber() + " has been passed to our engineering team."
                : entry.fromTier() == entry.toTier()
                ? "Your case " + c.caseNumber() + " has been given higher priority with our tier "
                        + entry.toTier() + " specialists."
                : "Your case " + c.caseNumber() + " has been passed to our tier " + entry.toTier()
                        + " specialists.";
        return notice(entry, contactId, c, NotificationKind.ESCALATED,
                entry.expectedResponseBy() == null ? message
                        : message + " We expect to respond by " + entry.expectedResponseBy() + ".",
                entry.expectedResponseBy());
    }

    static CustomerNotified withSpecialistNotice(String contactId, Case c, HistoryEntry.Assigned entry) {
        return notice(entry, contactId, c, NotificationKind.WITH_SPECIALIST,
                "A tier " + entry.tier() + " specialist is now working on your case " + c.caseNumber() + ".", null);
    }

    static CustomerNotified resolvedNotice(String contactId, Case c, HistoryEntry.Resolved entry) {
        return notice(entry, contactId, c, NotificationKind.RESOLVED,
                "Your case " + c.caseNumber() + " has been resolved.", null);
    }

    static CustomerNotified delayedNotice(Case c, HistoryEntry.SlaBreached entry) {
        String message = "Your case " + c.caseNumber() + " is taking longer than we expected; we have raised its"
                + " priority with our tier " + entry.tier() + " specialists.";
        return notice(entry, entry.contactId(), c, NotificationKind.DELAYED, entry.expectedResponseBy() == null
                ? message : message + " We now expect to respond by " + entry.expectedResponseBy() + ".",
                entry.expectedResponseBy());
    }

    static CustomerNotified reopenedNotice(Case c, HistoryEntry.RepeatContact entry) {
        return notice(entry, entry.contactId(), c, NotificationKind.REOPENED, "We have reopened your case "
                + c.caseNumber() + "; your new message was added to it, so you do not need to repeat yourself.",
                null);
    }

    static CustomerNotified withEngineeringNotice(Case c, HistoryEntry.Engineering entry, String contactId) {
        return notice(entry, contactId, c, NotificationKind.WITH_ENGINEERING,
                "Our engineering team has received your case " + c.caseNumber() + " and is working on it.", null);
    }

    private static CustomerNotified notice(HistoryEntry entry, String contactId, Case c, NotificationKind kind,
            String message, Instant expectedResponseBy) {
        String customerId = c.customer() == null ? null : c.customer().id();
        return new CustomerNotified(EventIds.derive(entry.eventId(), "notified"), contactId, entry.recordedAt(),
                customerId, c.caseId(), kind, message, expectedResponseBy);
    }
}
