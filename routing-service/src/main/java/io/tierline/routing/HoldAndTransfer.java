package io.tierline.routing;

import io.tierline.events.EventIds;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an agent does during a handling: hold and resume (ContactHeld, ContactResumed; hold time adds up on the
 * handling and is not talk time), and transfer to another queue (ContactTransferred: the agent's capacity is
 * released at once, the contact is queued in the target queue and matched there, never back to this agent).
 * Each is one conditional update on the contact; a repeat by the same agent re-publishes the same event.
 */
@Singleton
public class HoldAndTransfer {

    private final Lookup lookup;
    private final ContactStore contacts;
    private final AgentStore agents;
    private final ContactRouter router;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;

    public HoldAndTransfer(Lookup lookup, ContactStore contacts, AgentStore agents, ContactRouter router,
            RoutingPublisher publisher, RoutingClock clock) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.agents = agents;
        this.router = router;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Contact hold(String agentId, String contactId) {
        lookup.agent(agentId);
        Contact contact = lookup.contact(contactId);
        if (contact.assignedTo(agentId) && !contact.offer().onHold()) {
            contacts.hold(contactId, agentId, contact.offer().seq(), clock.now());
            contact = lookup.contact(contactId);
        }
        if (!contact.assignedTo(agentId) || !contact.offer().onHold()) {
            throw ProblemException.conflict("contact " + contactId + " is " + contact.state()
                    + " and not assigned to agent " + agentId);
        }
        publisher.publish(RoutingEvents.held(contact));
        return contact;
    }

    public Contact resume(String agentId, String contactId) {
        lookup.agent(agentId);
        Contact contact = lookup.contact(contactId);
        if (contact.assignedTo(agentId) && contact.offer().onHold()) {
            Offer offer = contact.offer();
            Instant now = clock.now();
            long millis = Math.max(0, Duration.between(offer.heldAt(), now).toMillis());
            contacts.resume(contactId, agentId, offer.seq(), offer.heldAt(), now, millis);
            contact = lookup.contact(contactId);
        }
        if (!contact.assignedTo(agentId) || contact.offer().onHold() || contact.offer().lastResumedAt() == null) {
            throw ProblemException.conflict("contact " + contactId + " is " + contact.state()
                    + " and not on hold with agent " + agentId);
        }
        publisher.publish(RoutingEvents.resumed(contact));
        return contact;
    }

    public Contact transfer(String agentId, String contactId, String queueId) {
        lookup.agent(agentId);
        Contact contact = lookup.contact(contactId);
        RoutingQueue target = lookup.queue(queueId);
        // a hold or resume racing with this changes the offer; read again and retry (a few times)
        for (int attempt = 0; attempt < 5 && contact.assignedTo(agentId); attempt++) {
            if (queueId.equals(contact.queueId())) {
                throw invalid("must be another queue than the contact's queue " + contact.queueId());
            }
            if (!target.channels().contains(contact.channel())) {
                throw invalid("queue " + queueId + " does not serve channel " + contact.channel());
            }
            Offer offer = contact.offer();
            Instant now = clock.now();
            Transfer transfer = new Transfer(agentId, offer.seq(), contact.queueId(), contact.tier(), target.id(),
                    target.tier(), now, offer.talkMillisAt(now), offer.holdMillisAt(now));
            Placement placement = new Placement(target.id(), target.tier(), "transferred by agent " + agentId
                    + " from queue " + contact.queueId() + " to tier-" + target.tier() + " queue " + target.id(),
                    now, EventIds.derive(contactId, "transfer", offer.seq()));
            contacts.transfer(contactId, offer.heldAt(), placement, transfer);
            contact = lookup.contact(contactId);
        }
        Transfer last = contact.lastTransfer();
        if (last == null || !agentId.equals(last.agentId()) || last.seq() != contact.offerSeq()
                || !queueId.equals(last.toQueueId())) {
            throw ProblemException.conflict("contact " + contactId + " is " + contact.state()
                    + " and not assigned to agent " + agentId);
        }
        finishTransfer(contact, last);
        return lookup.contact(contactId);
    }

    /**
     * What follows a transfer (also when the recovery sweep finishes one a crash interrupted): the capacity goes
     * back, ContactTransferred and ContactQueued are published, the contact is matched in its new queue.
     */
    void finishTransfer(Contact contact, Transfer last) {
        agents.release(last.agentId(), contact.channel(), contact.id(), last.at());
        publisher.publish(RoutingEvents.transferred(contact));
        Optional<Contact> queued = Optional.empty();
        if (contact.state() == ContactState.PENDING) {
            publisher.publish(RoutingEvents.queued(contact));
            queued = contacts.announce(contact.id());
        }
        router.matchContact(contact.id(), queued);
        router.matchAgent(last.agentId());
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(Problem.invalid(List.of(new Violation("queueId", message))));
    }
}
