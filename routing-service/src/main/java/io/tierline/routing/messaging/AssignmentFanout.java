package io.tierline.routing.messaging;

import io.tierline.events.AssignmentEvent;
import io.tierline.events.EventJson;
import io.tierline.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code contacts.assignments} with a consumer group of this instance alone, so every instance sees every
 * event and can serve any agent's stream, whichever instance made the offer.
 */
@ApplicationScoped
public class AssignmentFanout {

    private static final Logger LOG = Logger.getLogger(AssignmentFanout.class);

    private final AssignmentBroadcaster broadcaster;

    public AssignmentFanout(AssignmentBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Incoming("assignments-fanout")
    public void onAssignment(String payload) {
        final AssignmentEvent event;
        try {
            event = EventJson.read(payload, AssignmentEvent.class);
        } catch (MalformedEventException e) {
            LOG.debugf("not an assignment event, not streamed: %s", e.getMessage());
            return;
        }
        if (event.agentId() != null) {
            broadcaster.fannedOut(event.agentId(), new AssignmentNotice(event.typeName(), event.eventId(), payload));
        }
    }
}
