package io.tierline.routing.messaging;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.platform.messaging.EventPublisher;
import io.tierline.routing.config.RoutingConfig;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes routing's events, each on its topic, and waits for the broker's acknowledgement. */
@Singleton
public class RoutingPublisher {

    static final String SOURCE = "/tierline/routing";

    private final EventPublisher assignments;
    private final EventPublisher resolved;
    private final EventPublisher unresolved;
    private final EventPublisher presence;

    public RoutingPublisher(RoutingConfig config,
            @Channel("contacts-assignments") Emitter<String> assignments,
            @Channel("contacts-resolved") Emitter<String> resolved,
            @Channel("contacts-unresolved") Emitter<String> unresolved,
            @Channel("agents-presence") Emitter<String> presence) {
        this.assignments = new EventPublisher(assignments, SOURCE, config.publishTimeout());
        this.resolved = new EventPublisher(resolved, SOURCE, config.publishTimeout());
        this.unresolved = new EventPublisher(unresolved, SOURCE, config.publishTimeout());
        this.presence = new EventPublisher(presence, SOURCE, config.publishTimeout());
    }

    public void publish(AssignmentEvent event) {
        assignments.sendAndAwait(event);
    }

    public void publish(ContactResolved event) {
        resolved.sendAndAwait(event);
    }

    public void publish(ContactUnresolved event) {
        unresolved.sendAndAwait(event);
    }

    public void publish(AgentPresenceChanged event) {
        presence.sendAndAwait(event);
    }
}
