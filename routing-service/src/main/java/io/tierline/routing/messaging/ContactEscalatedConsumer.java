package io.tierline.routing.messaging;

import io.tierline.platform.messaging.TransientRetry;
import io.smallrye.common.annotation.Blocking;
import io.tierline.events.CaseSlaBreached;
import io.tierline.events.ContactEscalated;
import io.tierline.events.EscalationEvent;
import io.tierline.events.EventJson;
import io.tierline.events.MalformedEventException;
import io.tierline.routing.Arrivals;
import io.tierline.routing.CaseSlaBreaches;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Escalated contacts ({@code contacts.escalated}), to be queued at their new tier; case SLA breaches. */
@ApplicationScoped
public class ContactEscalatedConsumer {

    private final Arrivals arrivals;
    private final CaseSlaBreaches slaBreaches;
    private final TransientRetry retry = TransientRetry.standard();

    public ContactEscalatedConsumer(Arrivals arrivals, CaseSlaBreaches slaBreaches) {
        this.arrivals = arrivals;
        this.slaBreaches = slaBreaches;
    }

    @Incoming("contacts-escalated")
    @Blocking
    public void consume(String payload) {
        EscalationEvent read = EventJson.read(payload, EscalationEvent.class);
        if (read instanceof CaseSlaBreached breach) {
            if (breach.contactId() == null) {
                throw new MalformedEventException("CaseSlaBreached " + breach.eventId() + " without contactId");
            }
            retry.run("CaseSlaBreached " + breach.eventId(), () -> slaBreaches.breached(breach));
            return;
        }
        ContactEscalated event = (ContactEscalated) read;
        if (event.contactId() == null || event.queueId() == null || event.channel() == null
                || event.toTier() < 1) {
            throw new MalformedEventException("ContactEscalated " + event.eventId()
                    + " without contactId, queueId, channel or toTier");
        }
        retry.run("ContactEscalated " + event.eventId(), () -> arrivals.escalated(event));
    }
}
