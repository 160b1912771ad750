package io.tierline.metrics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.EventJson;
import io.tierline.events.WrapUpEnded;
import io.tierline.metrics.FactStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code contacts.assignments}: one handling fact per WrapUpEnded. Every other assignment event is valid and
 * not needed here (skipped); a record that is no assignment event at all goes to {@code metrics.dlq}.
 */
@ApplicationScoped
public class AssignmentsConsumer {

    private static final Logger LOG = Logger.getLogger(AssignmentsConsumer.class);

    private final FactStore facts;

    public AssignmentsConsumer(FactStore facts) {
        this.facts = facts;
    }

    @Incoming("contacts-assignments")
    @Blocking
    public void consume(String payload) {
        AssignmentEvent event = EventJson.read(payload, AssignmentEvent.class);
        if (event instanceof WrapUpEnded wrapUp && !facts.add(EventFacts.handling(wrapUp))) {
            LOG.debugf("WrapUpEnded %s already counted", wrapUp.eventId());
        }
    }
}
