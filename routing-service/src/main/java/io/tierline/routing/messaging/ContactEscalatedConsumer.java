package io.tierline.routing.messaging;

import io.tierline.platform.messaging.TransientRetry;
import io.smallrye.common.annotation.Blocking;
import io.tierline.events.ContactEscalated;
import io.tierline.events.EscalationEvent;
import io.tierline.events.EventJson;
import io.tierline.events.MalformedEventException;
import io.tierline.routing.Arrivals;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Escalated contacts ({@code contacts.escalated}), to be queued at their new tier. */
@ApplicationScoped
public class ContactEscalatedConsumer {

    private final Arrivals arrivals;
    private final TransientRetry retry = TransientRetry.standard();

    public ContactEscalatedConsumer(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    @Incoming("contacts-escalated")
    @Blocking
    public void consume(String payload) {
        EscalationEvent read = EventJson.read(payload, EscalationEvent.class);
        if (!(read instanceof ContactEscalated event)) {
            // a case SLA breach: valid; re-prioritising the waiting contact is issue 4
            return;
        }
        if (event.contactId() == null || event.queueId() == null || event.channel() == null
                || event.toTier() < 1) {
            throw new MalformedEventException("ContactEscalated " + event.eventId()
                    + " without contactId, queueId, channel or toTier");
        }
        retry.run("ContactEscalated " + event.eventId(), () -> arrivals.escalated(event));
    }
}
