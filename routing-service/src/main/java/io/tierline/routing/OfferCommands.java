package io.tierline.routing;

import io.tierline.platform.problem.ProblemException;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** The agent's answer to an offer. A repeat by the same agent re-publishes the same event. */
@Singleton
public class OfferCommands {

    private final Lookup lookup;
    private final ContactStore contacts;
    private final AgentStore agents;
    private final ContactRouter router;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;

    public OfferCommands(Lookup lookup, ContactStore contacts, AgentStore agents, ContactRouter router,
            RoutingPublisher publisher, RoutingClock clock) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.agents = agents;
        this.router = router;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The usual case, an offer open to the agent, is one conditional update; anything else (expired, accepted
     * already, not the agent's, unknown) is read to tell which.
     */
    public Contact accept(String agentId, String contactId) {
        Instant now = clock.now();
        Optional<Contact> accepted = contacts.accept(contactId, agentId, now);
        if (accepted.isPresent()) {
            publisher.publish(RoutingEvents.accepted(accepted.get()));
            return accepted.get();
        }
        Contact contact = lookup.contactFor(agentId, contactId);
        if (contact.offeredTo(agentId)) {
            if (contact.offer().expired(now)) {
                throw ProblemException.conflict("the offer of contact " + contactId + " to agent " + agentId
                        + " expired at " + contact.offer().expiresAt());
            }
            // offered to the agent again since the update above: accept that offer
            contact = contacts.accept(contactId, agentId, now).orElseGet(() -> lookup.contact(contactId));
        }
        if (!agentId.equals(contact.agentId()) || !contact.offer().accepted()) {
            lookup.agent(agentId);
            throw ProblemException.conflict("contact " + contactId + " is " + contact.state()
                    + " and not offered to agent " + agentId);
        }
        publisher.publish(RoutingEvents.accepted(contact));
        return contact;
    }

    /** Back to its queue, keeping its place; the capacity is released and the agent is not offered it again. */
    public Contact decline(String agentId, String contactId) {
        lookup.agent(agentId);
        Contact contact = lookup.contact(contactId);
        if (contact.offeredTo(agentId)) {
            contacts.decline(contactId, new Decline(agentId, contact.offer().seq(), contact.queueId(),
                    contact.tier(), clock.now()));
            contact = lookup.contact(contactId);
        }
        Contact declined = contact;
        Decline decline = declined.declineBy(agentId).orElseThrow(() -> ProblemException.conflict("contact "
                + contactId + " is " + declined.state() + " and not offered to agent " + agentId));
        finishDecline(declined, decline);
        return lookup.contact(contactId);
    }

    /**
     * What follows a decline (also when the recovery sweep finishes one a crash interrupted): the capacity goes
     * back, OfferDeclined is published, the contact is offered again or QUEUED, the agent takes other work.
     */
    void finishDecline(Contact declined, Decline decline) {
        agents.release(decline.agentId(), declined.channel(), declined.id(), null);
        router.queueAndMatch(declined, publisher.publishAsync(RoutingEvents.declined(declined, decline)));
        router.matchAgent(decline.agentId());
    }
}
