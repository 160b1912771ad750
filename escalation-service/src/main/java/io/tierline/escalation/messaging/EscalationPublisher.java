package io.tierline.escalation.messaging;

import io.tierline.escalation.config.EscalationConfig;
import io.tierline.events.CaseSlaBreached;
import io.tierline.events.ContactEscalated;
import io.tierline.events.CustomerNotified;
import io.tierline.platform.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes this service's events on its two topics and waits for the broker's acknowledgement. */
@ApplicationScoped
public class EscalationPublisher {

    static final String SOURCE = "/tierline/escalation";

    private final EventPublisher escalated;
    private final EventPublisher notifications;

    EscalationPublisher(@Channel("contacts-escalated") Emitter<String> escalated,
            @Channel("customers-notifications") Emitter<String> notifications, EscalationConfig config) {
        this.escalated = new EventPublisher(escalated, SOURCE, config.publishTimeout());
        this.notifications = new EventPublisher(notifications, SOURCE, config.publishTimeout());
    }

    public void publish(ContactEscalated event) {
        escalated.sendAndAwait(event);
    }

    public void publish(CaseSlaBreached event) {
        escalated.sendAndAwait(event);
    }

    /** The customer's RESOLVED notification for a resolve entry of the case (the same event whoever publishes it). */
    public void publishResolved(io.tierline.escalation.Case c, io.tierline.escalation.HistoryEntry.Resolved entry) {
        publish(OutgoingEvents.resolvedNotice(entry.contactId(), c, entry));
    }

    public void publish(CustomerNotified event) {
        notifications.sendAndAwait(event);
    }
}
