package io.tierline.intake.messaging;

import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactPublication;
import io.tierline.intake.ContactRelease;
import io.tierline.intake.config.IntakeConfig;
import io.tierline.intake.store.ContactStore;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import io.tierline.intake.PublishState;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Re-publishes contacts stuck PENDING (their publish failed and the gateway never retried, or intake stopped
 * before it could publish or clear the marker) so that no accepted contact is lost. It re-uses the contact's
 * eventId, so it can never make a second event, and first checks the topic for the pending ids
 * ({@link PublishedEventScan}), so an event acknowledged just before a crash is not written a second time.
 */
@ApplicationScoped
public class PendingContactRepublisher {

    private static final Logger LOG = Logger.getLogger(PendingContactRepublisher.class);

    private final ContactStore store;
    private final ContactPublication publication;
    private final IntakeConfig config;
    private final Clock clock;
    private final PublishedEventScan scan;
    private final ContactRelease release;

    public PendingContactRepublisher(ContactStore store, ContactPublication publication, IntakeConfig config,
            Clock clock, PublishedEventScan scan, ContactRelease release) {
        this.scan = scan;
        this.release = release;
        this.store = store;
        this.publication = publication;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "republish-pending-contacts", every = "${tierline.intake.republish.every:15s}",
            skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        republishStale();
    }

    /**
     * Re-publishes one batch of contacts PENDING for longer than the setting, then one batch of contacts with
     * follow-up events pending as long; returns how many events succeeded. Events already on the topic (the
     * broker acknowledged them but intake stopped before clearing the marker) are only marked published.
     * First, held contacts whose self-service hold ended are released and published.
     */
    public int republishStale() {
        int released = release.releaseDue(clock.instant(), config.republish().batchSize());
        return released + republishPending();
    }

    private int republishPending() {
        Instant before = clock.instant().minus(config.republish().after());
        List<Contact> contacts = store.findPending(before, config.republish().batchSize());
        List<Contact> withEvents = store.findWithPendingEvents(before, config.republish().batchSize());
        if (contacts.isEmpty() && withEvents.isEmpty()) {
            return 0;
        }
        if (!clearAlreadyPublished(contacts, withEvents)) {
            return 0;
        }
        int published = 0;
        for (Contact contact : contacts) {
            if (store.findById(contact.contactId()).map(c -> c.publishState() != PublishState.PENDING).orElse(true)) {
                continue;
            }
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

    /**
     * Marks published the pending events of these contacts that are on the topic already.
     *
     * @return false when the topic could not be read (nothing is re-published then, this run)
     */
    private boolean clearAlreadyPublished(List<Contact> contacts, List<Contact> withEvents) {
        Set<String> wanted = new HashSet<>();
        Instant since = Instant.MAX;
        for (Contact c : contacts) {
            wanted.add(c.eventId());
            since = min(since, c.receivedAt());
        }
        for (Contact c : withEvents) {
            wanted.addAll(c.pendingEvents());
            since = min(since, c.receivedAt());
        }
        Set<String> onTopic;
        try {
            onTopic = scan.findPublished(since, wanted);
        } catch (KafkaException e) {
            LOG.warnf("cannot read the topic to check pending events, will retry: %s", e.getMessage());
            return false;
        }
        for (Contact c : contacts) {
            if (onTopic.contains(c.eventId())) {
                LOG.infof("contact %s: event %s is on the topic already; marking it published", c.contactId(),
                        c.eventId());
                store.markPublished(c.contactId(), clock.instant());
            }
        }
        for (Contact c : withEvents) {
            c.pendingEvents().stream().filter(onTopic::contains).forEach(id -> {
                LOG.infof("contact %s: event %s is on the topic already; marking it published", c.contactId(), id);
                store.markEventPublished(c.contactId(), id);
            });
        }
        return true;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Re-publishes follow-up events (closures, surveys, attached messages) pending since before {@code before}. */
    private int republishFollowUps(Instant before) {
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
