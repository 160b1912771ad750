package io.tierline.routing;

import io.tierline.platform.problem.ProblemException;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import io.tierline.routing.store.QueueStore;
import jakarta.inject.Singleton;

/** Finds what a command names, or answers 404. */
@Singleton
public class Lookup {
    private final AgentStore agents;
    private final ContactStore contacts;
    private final QueueStore queues;

    public Lookup(AgentStore agents, ContactStore contacts, QueueStore queues) {
        this.agents = agents;
        this.contacts = contacts;
        this.queues = queues;
    }

    public Agent agent(String id) {
        return agents.find(id).orElseThrow(() -> ProblemException.notFound("Agent", id));
    }

    public Contact contact(String id) {
        return contacts.find(id).orElseThrow(() -> ProblemException.notFound("Contact", id));
    }

    /**
     * The contact an agent's command names, or 404: for the agent first, if it is unknown too. An agent a contact
     * is offered or assigned to exists (agents are never deleted), so the agent is read only when the contact is
     * missing; a command that then fails for another reason reads it with {@link #agent(String)}.
     */
    public Contact contactFor(String agentId, String contactId) {
        return contacts.find(contactId).orElseGet(() -> {
            agent(agentId);
            throw ProblemException.notFound("Contact", contactId);
        });
    }

    public RoutingQueue queue(String id) {
        return queues.find(id).orElseThrow(() -> ProblemException.notFound("Queue", id));
    }
}
