package io.tierline.routing;

import io.tierline.events.AssignmentEvent;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.util.List;

/** An agent's open offers and assignments, each as its latest event (what a desktop shows on connect). */
@Singleton
public class OpenWork {

    private final ContactStore contacts;

    public OpenWork(ContactStore contacts) {
        this.contacts = contacts;
    }

    public List<AssignmentEvent> of(String agentId) {
        return contacts.openFor(agentId).stream()
                .map(c -> c.state() == ContactState.OFFERED
                        ? (AssignmentEvent) RoutingEvents.offered(c)
                        : RoutingEvents.accepted(c))
                .toList();
    }
}
