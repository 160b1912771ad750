package io.tierline.escalation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.Policies;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.CaseSlaBreached;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import io.tierline.platform.messaging.TransientRetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tier pick-up SLA timers, persisted: each case waiting for pick-up carries its {@code pickupDueAt}. A scheduled
 * sweep over the store finds open cases past it (an acceptance in the tier, a close or a new escalation stop or
 * restart the timer), raises the case's priority once for that pick-up cycle with an {@code SLA_BREACHED} entry,
 * then publishes {@code CaseSlaBreached} and tells the customer ({@code DELAYED}, with a new expected response
 * time: the breach plus the tier's pick-up target). The raise is one conditional update, so a breach
 * is raised once per case and cycle whatever the number of instances or restarts; a crash before the events were
 * published leaves the case marked raised-but-unpublished, and the next sweep publishes the same events (ids
 * derived from the case and its due time).
 */
@ApplicationScoped
public class SlaSweeper {

    private static final Logger LOG = Logger.getLogger(SlaSweeper.class);
    static final int BATCH = 100;

    private final CaseStore store;
    private final EscalationPublisher publisher;
    private final Policies policies;
    private final Clock clock;
    private final MeterRegistry meters;

    /** Also what a test builds to sweep with a clock of its own: everything it needs is in the store. */
    SlaSweeper(CaseStore store, EscalationPublisher publisher, Policies policies, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.policies = policies;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(identity = "sla-sweep", every = "${tierline.escalation.sla-sweep-interval}",
            skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int breached = sweep();
            if (breached > 0) {
                LOG.debugf("SLA sweep handled %d case(s)", breached);
            }
        } catch (RuntimeException e) {
            // the state stays in the store; the next sweep picks it up again
            LOG.warnf("SLA sweep failed (%s); retrying at the next sweep", e.getClass().getSimpleName());
            if (!TransientRetry.isTransient(e)) {
                LOG.error("SLA sweep failed unexpectedly", e);
            }
        }
    }

    /** One pass over the overdue cases; returns how many it handled. Safe to run anywhere, any number of times. */
    public int sweep() {
        Instant now = Now.of(clock);
        List<Case> overdue = store.overdue(now, BATCH);
        for (Case c : overdue) {
            breach(c, now);
        }
        return overdue.size();
    }

    private void breach(Case c, Instant now) {
        Instant due = c.pickupDueAt();
        String breachId = EventIds.derive(c.caseId(), "sla-breach", due.toEpochMilli());
        Optional<HistoryEntry> recorded = c.entry(breachId);
        if (recorded.isEmpty()) {
            Priority current = c.priority() == null ? Priority.NORMAL : c.priority();
            Instant expected = policies.active().policy().pickupTargetOf(c.tier()).map(now::plus).orElse(null);
            var entry = new HistoryEntry.SlaBreached(breachId, now, now, waitingContact(c), c.tier(), c.queueId(),
                    current.raised(), due, expected);
            if (store.raiseSlaBreach(c.caseId(), entry)) {
                meters.counter("tierline.escalation.sla.breaches", "tier", String.valueOf(c.tier())).increment();
                LOG.infof("case %s: tier %d pick-up due at %s breached; priority raised to %s", c.caseNumber(),
                        c.tier(), due, entry.priority());
            }
            Optional<Case> after = store.find(c.caseId());
            recorded = after.flatMap(found -> found.entry(breachId));
            if (recorded.isEmpty()) {
                // picked up, escalated again or closed meanwhile: no breach in this cycle
                return;
            }
            c = after.get();
        }
        HistoryEntry.SlaBreached entry = (HistoryEntry.SlaBreached) recorded.get();
        publisher.publish(new CaseSlaBreached(EventIds.derive(breachId, "breached"), entry.contactId(),
                entry.recordedAt(), c.caseId(), c.caseNumber(), entry.tier(), entry.queueId(), entry.priority(), due));
        publisher.publish(OutgoingEvents.delayedNotice(c, entry));
        store.markSlaBreachPublished(c.caseId(), due);
    }

    /** The contact waiting in the tier: the one of the latest escalation, else the case's first contact. */
    private static String waitingContact(Case c) {
        String contactId = c.contactId();
        for (HistoryEntry h : c.history()) {
            if (h instanceof HistoryEntry.Escalated e && e.contactId() != null) {
                contactId = e.contactId();
            }
        }
        return contactId;
    }
}
