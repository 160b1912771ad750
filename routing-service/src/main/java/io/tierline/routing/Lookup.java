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

    public RoutingQueue queue(String id) {
        return queues.find(id).orElseThrow(() -> ProblemException.notFound("Queue", id));
    }
}
