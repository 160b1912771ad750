package io.tierline.intake;

import io.tierline.intake.messaging.ContactEvents;
import io.tierline.intake.store.ContactStore;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Publishes a stored contact's {@code ContactReceived} (always with the contact's own eventId, so a
 * re-publication is a duplicate downstream consumers drop) and then marks it PUBLISHED.
 */
@ApplicationScoped
public class ContactPublication {

    private static final Logger LOG = Logger.getLogger(ContactPublication.class);

    private final ContactEvents events;
    private final ContactStore store;
    private final Clock clock;

    public ContactPublication(ContactEvents events, ContactStore store, Clock clock) {
        this.events = events;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @return the contact, PUBLISHED
     * @throws PublishFailedException when the broker did not acknowledge; the contact stays PENDING
     */
    public Contact publish(Contact contact) {
        events.publishReceived(contact);
        store.markPublished(contact.contactId(), clock.instant());
        LOG.infof("contact %s published as event %s", contact.contactId(), contact.eventId());
        return contact.withPublishState(PublishState.PUBLISHED);
    }
}
