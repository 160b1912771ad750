package io.tierline.intake;

import io.tierline.events.ContactEvent;
import io.tierline.intake.messaging.ContactEvents;
import io.tierline.intake.messaging.FollowUpEventMapper;
import io.tierline.intake.store.ContactStore;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
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

    /**
     * {@link #publish} without blocking a thread: publishes, then marks PUBLISHED once the broker acknowledged.
     * The stage completes on the store's batch thread, or fails with {@link PublishFailedException} (the contact
     * stays PENDING for the re-publisher or the gateway's retry).
     */
    public CompletableFuture<Contact> publishAsync(Contact contact) {
        return events.publishReceivedAsync(contact)
                .thenCompose(acked -> store.markPublishedAsync(contact.contactId(), clock.instant()))
                .thenApply(marked -> {
                    LOG.infof("contact %s published as event %s", contact.contactId(), contact.eventId());
                    return contact.withPublishState(PublishState.PUBLISHED);
                });
    }

    /**
     * Publishes the contact's follow-up event with this id (after its {@code ContactReceived}, if that is still
     * pending, so consumers see the contact first) and marks it published.
     *
     * @throws PublishFailedException when the broker did not acknowledge; the event stays pending
     */
    public void publishFollowUp(Contact contact, String eventId) {
        ContactEvent event = FollowUpEventMapper.event(contact, eventId)
                .orElseThrow(() -> new IllegalStateException("contact " + contact.contactId()
                        + " records no event " + eventId));
        if (contact.publishState() == PublishState.PENDING) {
            publish(contact);
        }
        events.publish(event);
        store.markEventPublished(contact.contactId(), eventId);
        LOG.infof("contact %s: %s published as event %s", contact.contactId(), event.typeName(), eventId);
    }

    /**
     * Publishes every pending follow-up event of the contact; returns how many. A held contact's events wait
     * for the end of its hold (routing has not seen the contact yet).
     */
    public int publishPendingFollowUps(Contact contact) {
        if (contact.status() == ContactStatus.HELD) {
            return 0;
        }
        int published = 0;
        for (String eventId : contact.pendingEvents()) {
            if (FollowUpEventMapper.event(contact, eventId).isEmpty()) {
                LOG.warnf("contact %s: pending event %s is not recorded; dropping the marker", contact.contactId(),
                        eventId);
                store.markEventPublished(contact.contactId(), eventId);
                continue;
            }
            publishFollowUp(contact, eventId);
            contact = contact.withPublishState(PublishState.PUBLISHED);
            published++;
        }
        return published;
    }
}
