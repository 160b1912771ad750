package io.tierline.routing;

import io.tierline.events.EventIds;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.ContactStore;
import io.tierline.routing.store.QueueStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Contacts waiting past their queue's {@code maxWaitSeconds}. The deadline is the stored {@code queuedAt} (kept
 * across declines and timeouts) plus the queue's stored setting, so the sweep finds overdue contacts also after
 * a restart. An overdue contact moves to the queue's {@code overflowQueueId} (ContactQueued with the reason;
 * the wait there starts anew), or without one (or if that queue does not exist) it is withdrawn: ContactWithdrawn
 * and ContactUnresolved with reason SLA_BREACH, for escalation to decide.
 */
@Singleton
public class MaxWait {

    private static final Logger LOG = Logger.getLogger(MaxWait.class);
    private static final int SWEEP_BATCH = 200;

    private final ContactStore contacts;
    private final QueueStore queues;
    private final ContactRouter router;
    private final Withdrawals withdrawals;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;

    public MaxWait(ContactStore contacts, QueueStore queues, ContactRouter router, Withdrawals withdrawals,
            RoutingPublisher publisher, RoutingClock clock) {
        this.contacts = contacts;
        this.queues = queues;
        this.router = router;
        this.withdrawals = withdrawals;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Moves or withdraws overdue contacts and finishes what a crash interrupted; how many it moved or withdrew. */
    public int sweep() {
        Instant now = clock.now();
        int handled = 0;
        for (RoutingQueue queue : queues.all()) {
            if (queue.maxWaitSeconds() == null) {
                continue;
            }
            Instant cutoff = now.minusSeconds(queue.maxWaitSeconds());
            for (Contact overdue : contacts.overdue(queue.id(), cutoff, SWEEP_BATCH)) {
                if (breach(overdue, queue, now)) {
                    handled++;
                }
            }
        }
        for (Contact moved : contacts.unannouncedOverflows(SWEEP_BATCH)) {
            announce(moved);
        }
        for (Contact withdrawn : contacts.unfinishedWithdrawals(SWEEP_BATCH)) {
            withdrawals.finish(withdrawn);
        }
        return handled;
    }

    private boolean breach(Contact contact, RoutingQueue queue, Instant now) {
        String breachId = EventIds.derive(contact.id(), "max-wait", queue.id(), contact.queuedAt().toEpochMilli());
        Optional<RoutingQueue> overflow = Optional.ofNullable(queue.overflowQueueId()).flatMap(queues::find);
        if (overflow.isPresent()) {
            RoutingQueue to = overflow.get();
            Placement placement = new Placement(to.id(), to.tier(), "waited past the maxWaitSeconds ("
                    + queue.maxWaitSeconds() + ") of queue " + queue.id() + ": overflow to tier-" + to.tier()
                    + " queue " + to.id(), now, breachId);
            if (!contacts.overflow(contact, placement)) {
                return false;
            }
            LOG.infof("contact %s waited past %ds in queue %s: overflow to %s", contact.id(),
                    queue.maxWaitSeconds(), queue.id(), to.id());
            announce(contacts.find(contact.id()).orElseThrow());
            return true;
        }
        Withdrawal withdrawal = new Withdrawal(Withdrawal.SLA_BREACH, now, null, queue.id(), contact.tier(),
                contact.queuedAt(), breachId);
        if (!contacts.withdraw(contact, withdrawal)) {
            return false;
        }
        LOG.infof("contact %s waited past %ds in queue %s without overflow: SLA breach", contact.id(),
                queue.maxWaitSeconds(), queue.id());
        withdrawals.finish(contacts.find(contact.id()).orElseThrow());
        return true;
    }

    private void announce(Contact moved) {
        if (moved.state() != ContactState.PENDING) {
            return;
        }
        router.queueAndMatch(moved, publisher.publishAsync(RoutingEvents.queued(moved)));
    }
}
