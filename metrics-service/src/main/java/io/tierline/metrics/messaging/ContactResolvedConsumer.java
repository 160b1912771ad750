package io.tierline.metrics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventJson;
import io.tierline.metrics.FactStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code contacts.resolved}: one resolution fact per ContactResolved. A redelivered event is already stored
 * and counts nothing; a record that is not a ContactResolved goes to {@code metrics.dlq}.
 */
@ApplicationScoped
public class ContactResolvedConsumer {

    private static final Logger LOG = Logger.getLogger(ContactResolvedConsumer.class);

    private final FactStore facts;

    public ContactResolvedConsumer(FactStore facts) {
        this.facts = facts;
    }

    @Incoming("contacts-resolved")
    @Blocking
    public void consume(String payload) {
        ContactResolved event = EventJson.read(payload, ContactResolved.class);
        if (!facts.add(EventFacts.resolution(event))) {
            LOG.debugf("ContactResolved %s already counted", event.eventId());
        }
    }
}
