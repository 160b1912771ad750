package io.tierline.routing;

import io.tierline.events.AgentStatus;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Times out offers nobody answered. The expiry is stored on the offer, so the sweep finds expired offers also
 * after a restart. A timeout is done in steps, each repeatable: the contact goes OFFERED to PENDING with a
 * {@code lapse} marker (one conditional update; it keeps its queuedAt, so its place at the head of the queue),
 * the agent's capacity is released, OfferTimedOut is published, the agent is set AWAY (reason
 * {@value #MISSED_OFFER}, AgentPresenceChanged), and only then the contact is QUEUED again and matched to
 * another agent. The sweep finishes a lapse a crash interrupted, with the same event ids.
 */
@Singleton
public class OfferTimeouts {

    public static final String MISSED_OFFER = "missed-offer";
    private static final Logger LOG = Logger.getLogger(OfferTimeouts.class);
    private static final int SWEEP_BATCH = 200;

    private final ContactStore contacts;
    private final AgentStore agents;
    private final ContactRouter router;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;

    public OfferTimeouts(ContactStore contacts, AgentStore agents, ContactRouter router, RoutingPublisher publisher,
            RoutingClock clock) {
        this.contacts = contacts;
        this.agents = agents;
        this.router = router;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Times out the offers that expired and finishes interrupted timeouts; how many contacts it re-queued. */
    public int sweep() {
        Instant now = clock.now();
        for (Contact offered : contacts.expiredOffers(now, SWEEP_BATCH)) {
            Offer offer = offered.offer();
            contacts.lapse(offered.id(), new OfferLapse(offer.agentId(), offer.seq(), offered.queueId(),
                    offered.tier(), offer.expiresAt(), null, offer.announced()));
        }
        int requeued = 0;
        for (Contact lapsed : contacts.unfinishedLapses(SWEEP_BATCH)) {
            if (finish(lapsed)) {
                requeued++;
            }
        }
        return requeued;
    }

    /**
     * Takes the agent's open offers back (its desktop is gone, it went AWAY or OFFLINE) and gives them to other
     * agents; OfferDeclined carries {@code reason}; the agent is not excluded from these contacts.
     */
    public void reroute(String agentId, String reason) {
        Instant now = clock.now();
        for (Contact open : contacts.openFor(agentId)) {
            if (open.offeredTo(agentId)) {
                Offer offer = open.offer();
                if (contacts.lapse(open.id(), new OfferLapse(agentId, offer.seq(), open.queueId(), open.tier(), now,
                        reason, offer.announced()))) {
                    finish(contacts.find(open.id()).orElseThrow());
                }
            }
        }
    }

    private boolean finish(Contact contact) {
        OfferLapse lapse = contact.lapse();
        agents.release(lapse.agentId(), contact.channel(), contact.id(), null);
        if (lapse.takenBack()) {
            publisher.publish(RoutingEvents.takenBack(contact, lapse));
        } else {
            publisher.publish(RoutingEvents.timedOut(contact, lapse));
            if (lapse.announced()) {
                setAway(lapse.agentId(), lapse.at());
            }
        }
        boolean requeued = contacts.finishLapse(contact.id(), lapse.seq());
        LOG.infof("offer %d of contact %s to agent %s %s", lapse.seq(), contact.id(), lapse.agentId(),
                lapse.takenBack() ? "taken back: " + lapse.takenBackFor() : "timed out");
        if (requeued) {
            router.matchContact(contact.id());
        }
        return requeued;
    }

    /** AVAILABLE to AWAY (missed offer), published; a repeat re-publishes that change. */
    private void setAway(String agentId, Instant at) {
        agents.changeStatus(agentId, AgentStatus.AWAY, AgentStatus.AVAILABLE, MISSED_OFFER, at)
                .map(StatusChange::agent)
                .filter(a -> a.status() == AgentStatus.AWAY && MISSED_OFFER.equals(a.statusReason()))
                .ifPresent(a -> publisher.publish(RoutingEvents.presence(a)));
    }
}
