package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.EscalationDecision;
import io.tierline.escalation.policy.EscalationRequest;
import io.tierline.escalation.policy.TierPolicy;
import io.tierline.escalation.store.CaseNumbers;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.EventIds;
import io.tierline.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A contact its tier could not resolve: place the escalation in the contact's open case (opening one if
 * there is none), decided by the tier policy, then publish {@code ContactEscalated} and the customer's
 * notification. A redelivered event appends nothing and re-publishes the same events.
 */
@ApplicationScoped
public class UnresolvedHandler {

    private static final Logger LOG = Logger.getLogger(UnresolvedHandler.class);
    private static final int PLACEMENT_ATTEMPTS = 3;

    private final CaseStore store;
    private final CaseNumbers numbers;
    private final TierPolicy policy;
    private final EscalationPublisher publisher;
    private final Clock clock;

    UnresolvedHandler(CaseStore store, CaseNumbers numbers, TierPolicy policy, EscalationPublisher publisher,
            Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.policy = policy;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void handle(ContactUnresolved event) {
        validate(event);
        Case c = store.withEntry(event.eventId()).orElseGet(() -> place(event));
        HistoryEntry recorded = c.entry(event.eventId()).orElseThrow();
        if (!(recorded instanceof HistoryEntry.Escalated entry)) {
            throw new MalformedEventException("eventId " + event.eventId() + " was already used by a "
                    + recorded.kind() + " entry of case " + c.caseId());
        }
        publisher.publish(OutgoingEvents.escalated(event, c, entry));
        publisher.publish(OutgoingEvents.escalatedNotice(event.contactId(), c, entry));
    }

    private Case place(ContactUnresolved event) {
        HistoryEntry.Escalated entry = entryFor(event);
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            Optional<Case> open = store.findOpen(event.caseId(), event.contactId());
            boolean applied = open.isPresent()
                    ? store.appendEscalation(open.get().caseId(), entry, event.escalations() + 1)
                    : store.insert(newCase(event, entry));
            Optional<Case> placed = store.withEntry(event.eventId());
            if (placed.isPresent()) {
                if (applied) {
                    LOG.infof("case %s: contact %s escalated from tier %d to tier %d, queue %s (%s/%s)",
                            placed.get().caseNumber(), event.contactId(), entry.fromTier(), entry.toTier(),
                            entry.queueId(), entry.policyVersion(), entry.ruleId());
                }
                return placed.get();
            }
            // lost a race (the open case closed, or another escalation opened it): look again
        }
        throw new IllegalStateException("escalation " + event.eventId() + " could not be placed in a case");
    }

    private HistoryEntry.Escalated entryFor(ContactUnresolved event) {
        var segment = event.customer() == null ? null : event.customer().segment();
        EscalationDecision decision = policy.decide(
                new EscalationRequest(event.tier(), event.queueId(), event.priority(), segment));
        Instant now = Now.of(clock);
        return HistoryEntries.escalated(event, decision, now, now.plus(policy.pickupTarget(decision.toTier())));
    }

    private Case newCase(ContactUnresolved event, HistoryEntry.Escalated entry) {
        Instant now = entry.recordedAt();
        String caseNumber = numbers.next(now.atZone(ZoneOffset.UTC).getYear());
        return new Case(EventIds.derive(event.eventId(), "case"), caseNumber, CaseStatus.OPEN, event.contactId(),
                List.of(event.contactId()), event.customer(), event.channel(), event.language(), event.category(),
                event.subject(), event.repeatOf(), entry.toTier(), entry.queueId(), entry.priority(),
                event.escalations() + 1, now, now, null, entry.expectedResponseBy(), entry.at(), List.of(entry));
    }

    private static void validate(ContactUnresolved event) {
        if (event.contactId() == null || event.contactId().isBlank()) {
            throw new MalformedEventException("ContactUnresolved " + event.eventId() + " without contactId");
        }
        if (event.tier() < TierPolicy.FIRST_TIER || event.tier() > TierPolicy.TOP_TIER) {
            throw new MalformedEventException("ContactUnresolved " + event.eventId() + " with tier " + event.tier());
        }
    }
}
