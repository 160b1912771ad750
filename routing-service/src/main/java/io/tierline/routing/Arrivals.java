package io.tierline.routing;

import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactReceived;
import io.tierline.events.Priority;
import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Contacts entering queues: new ones from intake, escalated ones from escalation, waiting ones when a queue
 * that fits them appears. A contact is placed (PENDING), ContactQueued is published, and only then is it
 * QUEUED and matched, so its offer never precedes its queueing on the topic, and the state tells whether the
 * event went out. A redelivered event re-publishes (with the same ids) only what did not.
 */
@Singleton
public class Arrivals {

    private static final Logger LOG = Logger.getLogger(Arrivals.class);

    private final ContactStore contacts;
    private final QueueCatalog queues;
    private final ContactRouter router;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;
    private final int pickupLimit;
    private final QueueSelector selector = new QueueSelector();

    public Arrivals(ContactStore contacts, QueueCatalog queues, ContactRouter router, RoutingPublisher publisher,
            RoutingClock clock, RoutingConfig config) {
        this.contacts = contacts;
        this.queues = queues;
        this.router = router;
        this.publisher = publisher;
        this.clock = clock;
        this.pickupLimit = config.pickupLimit();
    }

    public void received(ContactReceived e) {
        // a new contact is the usual case: insert it, and read the stored one only if it exists already
        QueueDecision decision = selector.select(e.channel(), e.language(), e.category(),
                queues.ofTier(QueueSelector.ENTRY_TIER));
        if (!decision.found()) {
            // the copy may predate a queue another instance just created
            decision = selector.select(e.channel(), e.language(), e.category(),
                    queues.ofTierFresh(QueueSelector.ENTRY_TIER));
        }
        Contact fresh = NewContacts.fromReceived(e, decision, clock.now());
        if (contacts.insert(fresh)) {
            LOG.infof("contact %s %s: %s", fresh.id(), decision.found() ? "placed" : "waiting", decision.reason());
            if (decision.found()) {
                announce(fresh);
            }
            return;
        }
        Contact contact = contacts.find(e.contactId()).orElseThrow();
        if (!contact.applied(e.eventId())) {
            // routing met this contact through an escalation first; its queue is already decided
            contacts.markApplied(contact.id(), e.eventId());
            return;
        }
        if (e.eventId().equals(contact.arrivalEventId())) {
            resume(contact);
        }
    }

    public void escalated(ContactEscalated e) {
        Placement placement = new Placement(e.queueId(), e.toTier(), reason(e), clock.now(), e.eventId());
        boolean firstTime = contacts.find(e.contactId()).isEmpty()
                && contacts.insert(NewContacts.fromEscalated(e, placement, placement.queuedAt()));
        if (!firstTime) {
            Priority priority = e.priority() == null ? Priority.NORMAL : e.priority();
            firstTime = contacts.requeue(e.contactId(), e.eventId(), placement, e.caseId(), e.escalations(),
                    priority);
        }
        Contact contact = contacts.find(e.contactId()).orElseThrow();
        if (!contact.applied(e.eventId())) {
            throw new IllegalStateException("contact " + e.contactId() + " is " + contact.state()
                    + " with an agent; escalation " + e.eventId() + " cannot move it to queue " + e.queueId());
        }
        if (firstTime) {
            LOG.infof("contact %s escalated to tier %d, queue %s", e.contactId(), e.toTier(), e.queueId());
        }
        if (e.eventId().equals(contact.arrivalEventId())) {
            resume(contact);
        }
    }

    private static String reason(ContactEscalated e) {
        return "escalated from tier " + e.fromTier() + " to tier " + e.toTier() + " queue " + e.queueId()
                + " (case " + e.caseNumber() + ", rule " + e.ruleId() + ")";
    }

    /** Puts WAITING contacts that the (new or changed) queue could serve into their first fitting queue. */
    public int pickUp(RoutingQueue queue) {
        if (queue.tier() != QueueSelector.ENTRY_TIER) {
            return 0;
        }
        var entryQueues = queues.ofTierFresh(QueueSelector.ENTRY_TIER);
        int placed = 0;
        for (Contact waiting : contacts.unplacedFor(queue, pickupLimit)) {
            QueueDecision decision = selector.select(waiting.channel(), waiting.language(), waiting.category(),
                    entryQueues);
            if (decision.found() && contacts.place(waiting.id(), new Placement(decision.queue().id(),
                    QueueSelector.ENTRY_TIER, decision.reason(), clock.now(), waiting.arrivalEventId()))) {
                announce(contacts.find(waiting.id()).orElseThrow());
                placed++;
            }
        }
        return placed;
    }

    /**
     * Finishes what handling the arrival started, wherever it stopped: publishes ContactQueued if the contact
     * is still PENDING, matches it if QUEUED, publishes an offer the broker never acknowledged. A complete
     * earlier delivery leaves nothing to do, so a redelivery publishes nothing new.
     */
    private void resume(Contact contact) {
        switch (contact.state()) {
            case PENDING -> announce(contact);
            case QUEUED -> router.matchContact(contact.id());
            case OFFERED -> router.announceOffer(contact);
            default -> LOG.debugf("contact %s already %s", contact.id(), contact.state());
        }
    }

    /**
     * ContactQueued first, then offered or QUEUED (matchable), see {@link ContactRouter#queueAndMatch}; also how
     * the recovery sweep finishes one.
     */
    void announce(Contact contact) {
        router.queueAndMatch(contact, publisher.publishAsync(RoutingEvents.queued(contact)));
    }
}
