package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.TierPolicy;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.OfferAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An agent of the tier a case was escalated to accepted its contact: record it and tell the customer a
 * specialist is on it. Every other assignment event, and an acceptance that predates the case's latest
 * escalation or belongs to another tier, is ignored.
 */
@ApplicationScoped
public class AssignmentHandler {

    private static final Logger LOG = Logger.getLogger(AssignmentHandler.class);

    private final CaseStore store;
    private final EscalationPublisher publisher;
    private final Clock clock;

    AssignmentHandler(CaseStore store, EscalationPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void handle(AssignmentEvent event) {
        if (!(event instanceof OfferAccepted accepted)) {
            return;
        }
        Optional<Case> assigned = store.withEntry(accepted.eventId()).or(() -> assign(accepted));
        assigned.ifPresent(c -> {
            if (c.entry(accepted.eventId()).orElseThrow() instanceof HistoryEntry.Assigned entry) {
                publisher.publish(OutgoingEvents.withSpecialistNotice(accepted.contactId(), c, entry));
            }
        });
    }

    private Optional<Case> assign(OfferAccepted accepted) {
        Optional<Case> open = store.findOpen(null, accepted.contactId());
        if (open.isEmpty() || !picksUp(open.get(), accepted)) {
            return Optional.empty();
        }
        if (store.appendAssignment(open.get().caseId(), HistoryEntries.assigned(accepted, Now.of(clock)))) {
            LOG.infof("case %s: tier %d agent %s accepted contact %s", open.get().caseNumber(), accepted.tier(),
                    accepted.agentId(), accepted.contactId());
        }
        return store.withEntry(accepted.eventId());
    }

    /** An acceptance in the case's current (escalated) tier, not older than the latest escalation. */
    static boolean picksUp(Case c, OfferAccepted accepted) {
        boolean escalatedTier = accepted.tier() > TierPolicy.FIRST_TIER && accepted.tier() == c.tier();
        boolean afterEscalation = c.lastEscalatedAt() == null || accepted.occurredAt() == null
                || !accepted.occurredAt().isBefore(c.lastEscalatedAt());
        return escalatedTier && afterEscalation;
    }
}
