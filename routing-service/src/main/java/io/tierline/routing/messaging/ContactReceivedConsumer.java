package io.tierline.routing.messaging;

import io.tierline.platform.messaging.TransientRetry;
import io.smallrye.common.annotation.Blocking;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactReceived;
import io.tierline.events.EventJson;
import io.tierline.events.MalformedEventException;
import io.tierline.routing.Abandons;
import io.tierline.routing.Arrivals;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** New, abandoned and deflected contacts from intake ({@code contacts.received}); unreadable records go to {@code routing.dlq}. */
@ApplicationScoped
public class ContactReceivedConsumer {

    private final Arrivals arrivals;
    private final Abandons abandons;
    private final TransientRetry retry = TransientRetry.standard();

    public ContactReceivedConsumer(Arrivals arrivals, Abandons abandons) {
        this.arrivals = arrivals;
        this.abandons = abandons;
    }

    @Incoming("contacts-received")
    @Blocking
    public void consume(String payload) {
        ContactEvent read = EventJson.read(payload, ContactEvent.class);
        if (read instanceof ContactAbandoned abandoned) {
            leave("ContactAbandoned", abandoned.eventId(), abandoned.contactId(), () -> abandons.abandoned(abandoned));
            return;
        }
        if (read instanceof ContactDeflected deflected) {
            leave("ContactDeflected", deflected.eventId(), deflected.contactId(), () -> abandons.deflected(deflected));
            return;
        }
        if (!(read instanceof ContactReceived event)) {
            // surveys, further messages: not handled by routing in this increment
            return;
        }
        if (event.contactId() == null || event.channel() == null) {
            throw new MalformedEventException("ContactReceived " + event.eventId() + " without contactId or channel");
        }
        retry.run("ContactReceived " + event.eventId(), () -> arrivals.received(event));
    }

    /** The customer left (abandoned) or self-served (deflected): the contact leaves its queue. */
    private void leave(String type, String eventId, String contactId, Runnable withdraw) {
        if (contactId == null) {
            throw new MalformedEventException(type + " " + eventId + " without contactId");
        }
        retry.run(type + " " + eventId, withdraw);
    }
}
