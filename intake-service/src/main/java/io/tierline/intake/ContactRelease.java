package io.tierline.intake;

import io.tierline.intake.store.ContactStore;
import io.tierline.platform.messaging.PublishFailedException;
import io.tierline.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ends the self-service hold of a contact: on the gateway's {@code POST /contacts/{id}/queue} at once, or when
 * its {@code queueAt} has come (the re-publisher). Releasing is one conditional update (HELD to RECEIVED with
 * its {@code ContactReceived} PENDING), then the publish; a stop between the two leaves it PENDING for the
 * re-publisher, so nothing is lost. A contact deflected or abandoned during its hold is never released.
 */
@ApplicationScoped
public class ContactRelease {

    private static final Logger LOG = Logger.getLogger(ContactRelease.class);

    private final ContactStore store;
    private final ContactPublication publication;

    public ContactRelease(ContactStore store, ContactPublication publication) {
        this.store = store;
        this.publication = publication;
    }

    /**
     * Queues the contact for routing now. Already released: answered as it is (re-published first if its
     * event is still pending). Closed during the hold: 409. Unknown: 404.
     *
     * @throws PublishFailedException when the broker did not acknowledge; the contact stays PENDING
     */
    public Contact queue(String contactId) {
        Optional<Contact> released = store.release(contactId);
        if (released.isPresent()) {
            LOG.infof("contact %s released from its hold by the gateway", contactId);
            return publishReleased(released.get());
        }
        Contact existing = store.findById(contactId).orElseThrow(() -> ProblemException.notFound("contact", contactId));
        if (!existing.status().isOpen()) {
            throw ProblemException.conflict("Contact '" + contactId + "' is " + existing.status()
                    + "; it cannot be queued");
        }
        if (existing.publishState() == PublishState.PENDING) {
            return publication.publish(existing);
        }
        return existing;
    }

    /** {@code ContactReceived}, then the replies that arrived during the hold, in order. */
    private Contact publishReleased(Contact released) {
        Contact published = publication.publish(released);
        if (!published.pendingEvents().isEmpty()) {
            publication.publishPendingFollowUps(published);
            return store.findById(published.contactId()).orElse(published);
        }
        return published;
    }

    /**
     * Releases and publishes held contacts whose hold ended by {@code now}; stops at the first publish the
     * broker does not acknowledge (that contact stays PENDING for the re-publisher).
     *
     * @return how many were published
     */
    public int releaseDue(Instant now, int limit) {
        int published = 0;
        for (String contactId : store.findDueHeld(now, limit)) {
            Optional<Contact> released = store.release(contactId);
            if (released.isEmpty()) {
                continue; // queued, deflected or abandoned meanwhile
            }
            try {
                publishReleased(released.get());
                published++;
            } catch (PublishFailedException e) {
                LOG.warnf("publishing released contact %s failed; it stays pending: %s", contactId, e.getMessage());
                break;
            }
        }
        if (published > 0) {
            LOG.infof("released %d contact(s) whose self-service hold ended", published);
        }
        return published;
    }
}
