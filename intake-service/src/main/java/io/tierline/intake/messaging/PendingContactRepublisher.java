package io.tierline.intake.messaging;

import io.quarkus.scheduler.Scheduled;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactPublication;
import io.tierline.intake.config.IntakeConfig;
import io.tierline.intake.store.ContactStore;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Re-publishes contacts stuck PENDING (their publish failed and the gateway never retried) so that no
 * accepted contact is lost. It re-uses the contact's eventId, so it can never make a second event.
 */
@ApplicationScoped
public class PendingContactRepublisher {

    private static final Logger LOG = Logger.getLogger(PendingContactRepublisher.class);

    private final ContactStore store;
    private final ContactPublication publication;
    private final IntakeConfig config;
    private final Clock clock;

    public PendingContactRepublisher(ContactStore store, ContactPublication publication, IntakeConfig config,
            Clock clock) {
        this.store = store;
        this.publication = publication;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "republish-pending-contacts", every = "${tierline.intake.republish.every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        republishStale();
    }

    /**
     * Re-publishes one batch of contacts PENDING for longer than the setting, then one batch of contacts with
     * follow-up events pending as long; returns how many events succeeded.
     */
    public int republishStale() {
        var before = clock.instant().minus(config.republish().after());
        int published = 0;
        for (Contact contact : store.findPending(before, config.republish().batchSize())) {
            try {
                publication.publish(contact);
                published++;
            } catch (PublishFailedException e) {
                LOG.warnf("re-publishing contact %s failed, will retry: %s", contact.contactId(), e.getMessage());
                break;
            }
        }
        if (published > 0) {
            LOG.infof("re-published %d pending contact(s)", published);
        }
        return published + republishFollowUps(before);
    }

    /** Re-publishes follow-up events (closures, surveys, attached messages) pending since before {@code before}. */
    private int republishFollowUps(java.time.Instant before) {
        int published = 0;
        for (Contact contact : store.findWithPendingEvents(before, config.republish().batchSize())) {
            try {
                published += publication.publishPendingFollowUps(contact);
            } catch (PublishFailedException e) {
                LOG.warnf("re-publishing events of contact %s failed, will retry: %s", contact.contactId(),
                        e.getMessage());
                break;
            }
        }
        if (published > 0) {
            LOG.infof("re-published %d pending follow-up event(s)", published);
        }
        return published;
    }
}
