package io.tierline.escalation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.EventJson;
import io.tierline.platform.messaging.TransientRetry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four topics this service reads. A record that cannot be parsed as its topic's event (or is otherwise
 * the record's fault) fails at once and goes to {@code escalation.dlq}; a broker or store outage is retried
 * in place until it ends.
 */
@ApplicationScoped
public class EscalationConsumers {

    private final UnresolvedHandler unresolved;
    private final ResolvedHandler resolved;
    private final AssignmentHandler assignments;
    private final RepeatContactHandler received;
    private final TransientRetry retry;

    EscalationConsumers(UnresolvedHandler unresolved, ResolvedHandler resolved, AssignmentHandler assignments,
            RepeatContactHandler received) {
        this.received = received;
        this.unresolved = unresolved;
        this.resolved = resolved;
        this.assignments = assignments;
        this.retry = TransientRetry.standard();
    }

    @Incoming("contacts-received")
    @Blocking
    public void onReceived(String payload) {
        ContactEvent event = EventJson.read(payload, ContactEvent.class);
        retry.run(event.typeName() + " " + event.eventId(), () -> received.handle(event));
    }

    @Incoming("contacts-unresolved")
    @Blocking
    public void onUnresolved(String payload) {
        ContactUnresolved event = EventJson.read(payload, ContactUnresolved.class);
        retry.run("ContactUnresolved " + event.eventId(), () -> unresolved.handle(event));
    }

    @Incoming("contacts-resolved")
    @Blocking
    public void onResolved(String payload) {
        ContactResolved event = EventJson.read(payload, ContactResolved.class);
        retry.run("ContactResolved " + event.eventId(), () -> resolved.handle(event));
    }

    @Incoming("contacts-assignments")
    @Blocking
    public void onAssignment(String payload) {
        AssignmentEvent event = EventJson.read(payload, AssignmentEvent.class);
        retry.run(event.typeName() + " " + event.eventId(), () -> assignments.handle(event));
    }
}
