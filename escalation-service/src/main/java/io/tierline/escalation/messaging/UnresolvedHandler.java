package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.EngineeringHandoff;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.EscalationDecision;
import io.tierline.escalation.policy.EscalationRequest;
import io.tierline.escalation.policy.Policies;
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
 * A contact its tier could not resolve: place the escalation in the contact's case (reopening it if closed), else in
 * the open case the event names, else in a new one, decided by the tier policy, then publish
 * {@code ContactEscalated} and the customer's notification. A redelivered event appends nothing and re-publishes
 * the same events.
 */
@ApplicationScoped
public class UnresolvedHandler {

    private static final Logger LOG = Logger.getLogger(UnresolvedHandler.class);
    private static final int PLACEMENT_ATTEMPTS = 3;

    private final CaseStore store;
    private final CaseNumbers numbers;
    private final Policies policies;
    private final EscalationPublisher publisher;
    private final Clock clock;

    private final io.micrometer.core.instrument.MeterRegistry meters;

    UnresolvedHandler(CaseStore store, CaseNumbers numbers, Policies policies, EscalationPublisher publisher,
            Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.numbers = numbers;
        this.policies = policies;
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
        boolean handedOff = c.engineering() != null && handoffId(event).equals(c.engineering().handoffId());
        publisher.publish(OutgoingEvents.escalatedNotice(event.contactId(), c, entry, handedOff));
    }

    private Case place(ContactUnresolved event) {
        TierPolicy policy = policies.active().policy();
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            // a contact belongs to one case, ever: its own, open or closed (an escalation reopens a closed one: the
            // contact joined it as a repeat and another contact's resolve closed it, or its own resolve did and it
            // is escalated again), else the open case the event names, else a new one
            Optional<Case> own = store.withContact(event.contactId());
            Optional<Case> target = own.isPresent() ? own : store.findOpen(event.caseId());
            Placement placement = placementFor(event, policy, target);
            HistoryEntry.Escalated entry = placement.entry();
            int escalations = event.escalations() + 1;
            boolean applied = target.isEmpty()
                    ? store.insert(newCase(event, entry, placement.handoff()))
                    : target.get().isOpen()
                            ? store.appendEscalation(target.get().caseId(), entry, escalations, placement.handoff())
                            : store.reopenWithEscalation(target.get(), entry, escalations, placement.handoff());
            Optional<Case> placed = store.withEntry(event.eventId());
            if (placed.isPresent()) {
                if (applied) {
                    meters.counter("tierline.escalation.decisions", "rule", entry.ruleId(),
                            "loop", String.valueOf(entry.loopDetected())).increment();
                }
                if (applied && entry.loopDetected()) {
                    LOG.warnf("case %s: contact %s would be escalated from tier %d to tier %d, queue %s again (%s/%s):"
                            + " loop detected, it stays in tier %d with priority %s", placed.get().caseNumber(),
                            event.contactId(), entry.fromTier(), entry.preventedToTier(), entry.preventedQueueId(),
                            entry.policyVersion(), entry.ruleId(), entry.toTier(), entry.priority());
                } else if (applied) {
                    LOG.infof("case %s: contact %s escalated from tier %d to tier %d, queue %s (%s/%s)",
                            placed.get().caseNumber(), event.contactId(), entry.fromTier(), entry.toTier(),
                            entry.queueId(), entry.policyVersion(), entry.ruleId());
                }
                return placed.get();
            }
            // lost a race (the case closed or reopened meanwhile, or the contact's arrival attached it to a case):
            // look again
        }
        throw new IllegalStateException("escalation " + event.eventId() + " could not be placed in a case");
    }

    /** The escalation entry, and the engineering hand-off it requests (or null). */
    record Placement(HistoryEntry.Escalated entry, EngineeringHandoff handoff) {
    }

    static String handoffId(ContactUnresolved event) {
        return EventIds.derive(event.eventId(), "engineering");
    }

    private Placement placementFor(ContactUnresolved event, TierPolicy policy, Optional<Case> current) {
        EscalationRequest request = request(event);
        EscalationDecision decision = policy.decide(request);
        EscalationDecision prevented = null;
        if (current.isPresent() && movedThisWayBefore(current.get(), event.contactId(), decision)) {
            prevented = decision;
            decision = policy.stayInstead(request, decision);
        }
        Instant now = Now.of(clock);
        Instant expectedResponseBy = policy.pickupTargetOf(decision.toTier()).map(now::plus).orElse(null);
        HistoryEntry.Escalated entry = HistoryEntries.escalated(event, decision, now, expectedResponseBy, prevented);
        boolean handoffOpen = current.map(Case::engineering).map(EngineeringHandoff::awaitingAnswer).orElse(false);
        EngineeringHandoff handoff = decision.engineering() && !handoffOpen
                ? new EngineeringHandoff(handoffId(event), EngineeringHandoff.State.PENDING, 0, now, now,
                        event.contactId())
                : null;
        return new Placement(entry, handoff);
    }

    static EscalationRequest request(ContactUnresolved event) {
        var segment = event.customer() == null ? null : event.customer().segment();
        return new EscalationRequest(event.tier(), event.queueId(), event.priority(), segment, event.reason(),
                event.channel(), event.category(), event.repeatOf(), event.diagnostics(), event.talkMillis(),
                event.holdMillis(), event.escalations());
    }

    /**
     * Loop detection: since the contact's last resolve in the case (a resolve ends its round), the case already
     * moved this contact from the same tier to the same tier and queue.
     */
    static boolean movedThisWayBefore(Case c, String contactId, EscalationDecision decision) {
        if (decision.fromTier() == decision.toTier()) {
            return false;
        }
        boolean moved = false;
        for (HistoryEntry h : c.history()) {
            if (h instanceof HistoryEntry.Resolved r && contactId.equals(r.contactId())) {
                moved = false;
            } else if (h instanceof HistoryEntry.Escalated e && e.moves() && contactId.equals(e.contactId())
                    && e.fromTier() == decision.fromTier() && e.toTier() == decision.toTier()
                    && java.util.Objects.equals(e.queueId(), decision.queueId())) {
                moved = true;
            }
        }
        return moved;
    }

    private Case newCase(ContactUnresolved event, HistoryEntry.Escalated entry, EngineeringHandoff handoff) {
        Instant now = entry.recordedAt();
        String caseNumber = numbers.next(now.atZone(ZoneOffset.UTC).getYear());
        return new Case(EventIds.derive(event.eventId(), "case"), caseNumber, CaseStatus.OPEN, event.contactId(),
                List.of(event.contactId()), event.customer(), event.channel(), event.language(), event.category(),
                event.subject(), event.repeatOf(), entry.toTier(), entry.queueId(), entry.priority(),
                event.escalations() + 1, now, now, null, entry.expectedResponseBy(), entry.at(), false, null, handoff,
                List.of(entry));
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
