package io.tierline.escalation;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A support case: opened by a contact's first escalation, it follows the contact through the tiers with
 * everything each tier learned, until a resolve closes it.
 *
 * @param caseId          opaque id
 * @param caseNumber      readable number, {@code TL-<year>-<6 digits>}
 * @param contactId       the contact whose escalation opened the case
 * @param contactIds      every contact attached to the case
 * @param tier            the tier the case is at now
 * @param pickupDueAt     when the current tier should have picked the contact up (null once picked up or closed)
 * @param lastEscalatedAt when the latest escalation happened
 * @param loopDetected    an escalation of the case would have repeated an earlier move and was held in its tier
 * @param slaBreachedDueAt the pick-up due time whose breach was raised last (one breach per pick-up cycle)
 * @param engineering     the latest hand-off to engineering, or null
 */
public record Case(
        String caseId,
        String caseNumber,
        CaseStatus status,
        String contactId,
        List<String> contactIds,
        Customer customer,
        Channel channel,
        String language,
        String category,
        String subject,
        String repeatOf,
        int tier,
        String queueId,
        Priority priority,
        int escalations,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt,
        Instant pickupDueAt,
        Instant lastEscalatedAt,
        boolean loopDetected,
        Instant slaBreachedDueAt,
        EngineeringHandoff engineering,
        List<HistoryEntry> history) {

    public Case {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Case(String caseId, String caseNumber, CaseStatus status, String contactId, List<String> contactIds,
            Customer customer, Channel channel, String language, String category, String subject, String repeatOf,
            int tier, String queueId, Priority priority, int escalations, Instant openedAt, Instant updatedAt,
            Instant closedAt, Instant pickupDueAt, Instant lastEscalatedAt, List<HistoryEntry> history) {
        this(caseId, caseNumber, status, contactId, contactIds, customer, channel, language, category, subject,
                repeatOf, tier, queueId, priority, escalations, openedAt, updatedAt, closedAt, pickupDueAt,
                lastEscalatedAt, false, null, null, history);
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    /** The history entry recorded for this event, if it was applied to this case. */
    public Optional<HistoryEntry> entry(String eventId) {
        return history.stream().filter(e -> e.eventId().equals(eventId)).findFirst();
    }
}
