package io.tierline.intake;

import io.tierline.events.Channel;
import io.tierline.events.EmailDetails;
import io.tierline.events.EventIds;
import io.tierline.intake.classification.ClassificationRules;
import io.tierline.intake.config.IntakeConfig;
import io.tierline.intake.store.ContactStore;
import io.tierline.intake.store.CustomerHistoryStore;
import io.tierline.platform.concurrent.Stages;
import io.tierline.platform.messaging.PublishFailedException;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Takes in a contact exactly once per idempotency key: classify, find the contact it repeats (the customer's
 * latest in the category, from {@link CustomerHistoryStore}), store it PENDING with a pre-assigned eventId (the
 * unique index on the key turns a retry into a replay of the stored contact), then, side by side, record it in the
 * customer's history and publish {@code ContactReceived} and mark it PUBLISHED. A contact held for
 * self-service is stored HELD and answered without publishing (released later by {@link ContactRelease}).
 * An email replying
 * to the thread of an open or held contact of the same customer attaches to that contact instead (to a held
 * one without publishing: its message events follow its {@code ContactReceived} when the hold ends).
 * A repeated key with the same request answers the stored contact (re-publishing it first if its event was
 * never acknowledged); with another request it is refused.
 * <p>
 * A new contact holds no thread while it waits: the store's calls and the broker's acknowledgement call it back.
 */
@ApplicationScoped
public class ContactIntake {

    private static final Logger LOG = Logger.getLogger(ContactIntake.class);

    private final ContactStore store;
    private final ContactPublication publication;
    private final ContactClassifier classifier;
    private final IntakeConfig config;
    private final Clock clock;
    private final SelfServiceHold hold;
    private final CustomerHistoryStore history;

    public ContactIntake(ContactStore store, CustomerHistoryStore history, ContactPublication publication,
            ContactClassifier classifier, IntakeConfig config, Clock clock, SelfServiceHold hold) {
        this.history = history;
        this.hold = hold;
        this.store = store;
        this.publication = publication;
        this.classifier = classifier;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes in the contact without holding a thread while the store and the broker answer. A new contact (the
     * common case) goes through the store's batchers and the producer's acknowledgement, each step called back
     * where the one before completed. An email reply and a retried key, rarer and with more store calls, run
     * on {@code blocking}, a thread that may wait.
     *
     * @return the contact, PUBLISHED (or HELD); it fails with a 503 {@link ProblemException} when the broker did
     *         not acknowledge in time, which leaves the contact PENDING for the re-publisher or a retry
     */
    public CompletableFuture<Contact> receive(ContactSubmission submission, Executor blocking) {
        if (isReply(submission)) {
            return CompletableFuture.supplyAsync(() -> receiveReply(submission, blocking), blocking);
        }
        return receiveNew(submission, blocking);
    }

    public Optional<Contact> find(String contactId) {
        return store.findById(contactId);
    }

    /** An email reply: attached to its thread's open contact, else a new contact. Waits for the store. */
    private Contact receiveReply(ContactSubmission submission, Executor blocking) {
        // a retried reply that opened a contact of its own must answer that contact, not attach now
        Optional<Contact> known = store.findByIdempotencyKey(submission.idempotencyKey());
        if (known.isPresent()) {
            return replay(known.get(), submission);
        }
        return replyTarget(submission).orElseGet(() -> Stages.join(receiveNew(submission, blocking)));
    }

    /**
     * Insert first: the unique index on the idempotency key decides between a new contact and a retry, so a new
     * contact costs no lookup by key. The steps run on the threads of the store's batchers and of the producer:
     * each only hands the next call on; a retried key goes to {@code blocking}.
     */
    private CompletableFuture<Contact> receiveNew(ContactSubmission submission, Executor blocking) {
        ClassificationRules rules = classifier.rules();
        String category = classifier.category(submission, rules);
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String customerId = submission.content().customer().id();
        return history.latestAsync(customerId, category, receivedAt.minus(config.repeatWindow()), receivedAt)
                .thenCompose(repeatOf -> {
                    Contact contact = create(submission, rules, receivedAt, repeatOf.orElse(null));
                    return store.insertIfAbsentAsync(contact).thenCompose(inserted -> inserted
                            ? accepted(contact)
                            : CompletableFuture.supplyAsync(() -> replayKnown(submission), blocking));
                });
    }

    private Contact replayKnown(ContactSubmission submission) {
        Contact existing = store.findByIdempotencyKey(submission.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("duplicate idempotency key but no contact"));
        return replay(existing, submission);
    }

    /** The contact is stored: record it in the customer's history and, unless it is held, publish it. */
    private CompletableFuture<Contact> accepted(Contact contact) {
        LOG.infof("contact %s received on %s, category %s, priority %s, repeat of %s", contact.contactId(),
                contact.content().channel(), contact.category(), contact.priority(), contact.repeatOf());
        CompletableFuture<Void> recorded = recordInHistory(contact);
        if (contact.status() == ContactStatus.HELD) {
            LOG.infof("contact %s held for self-service until %s", contact.contactId(), contact.queueAt());
            return recorded.thenApply(done -> contact);
        }
        return publishOrUnavailableAsync(contact).thenCombine(recorded, (published, done) -> published);
    }

    private Contact create(ContactSubmission submission, ClassificationRules rules, Instant receivedAt,
            String repeatOf) {
        String contactId = "C-" + UUID.randomUUID();
        Classification classification = classifier.classify(submission, rules, repeatOf != null);
        Contact contact = new Contact(
                contactId,
                EventIds.derive(contactId, "received"),
                submission.idempotencyKey(),
                submission.requestHash(),
                submission.content().withLanguage(classification.language()),
                classification.category(),
                classification.priority(),
                repeatOf,
                ContactStatus.RECEIVED,
                receivedAt,
                PublishState.PENDING);
        Duration held = hold.holdFor(submission.requestedHold());
        return held.isZero() ? contact : contact.heldUntil(receivedAt.plus(held));
    }

    /**
     * Makes the contact the customer's latest in its category. A failure here costs at most one missed repeat
     * mark, never the contact: it is logged and the contact goes on (the stage never fails).
     */
    private CompletableFuture<Void> recordInHistory(Contact contact) {
        return history.recordAsync(contact.content().customer().id(), contact.category(), contact.contactId(),
                contact.receivedAt()).exceptionally(failure -> {
                    LOG.warnf("contact %s: customer history not updated, a repeat of it may go unmarked (%s)",
                            contact.contactId(), Stages.cause(failure).toString());
                    return null;
                });
    }

    private static boolean isReply(ContactSubmission submission) {
        EmailDetails email = submission.content().details().email();
        return submission.content().channel() == Channel.EMAIL && email != null && email.inReplyTo() != null
                && !email.inReplyTo().isBlank();
    }

    /**
     * An email that replies to a message of an open contact of the same customer attaches to that contact
     * ({@code ContactMessageAdded}, once per idempotency key) instead of opening a new one.
     *
     * @return the contact it attached to, or empty when the customer has no open contact on that thread
     */
    private Optional<Contact> replyTarget(ContactSubmission submission) {
        EmailDetails email = submission.content().details().email();
        String key = submission.idempotencyKey();
        Optional<Contact> attached = store.findByMessageKey(key);
        if (attached.isPresent()) {
            return Optional.of(replayMessage(attached.get(), submission));
        }
        Optional<Contact> open = store.findOpenThread(submission.content().customer().id(), email.inReplyTo());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String contactId = open.get().contactId();
        var message = new AddedMessage(EventIds.derive(contactId, "message", key), key, submission.requestHash(),
                email.messageId(), submission.content().message(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<Contact> added = store.addMessage(contactId, message);
        if (added.isPresent()) {
            LOG.infof("contact %s: reply attached to its thread as event %s", contactId, message.eventId());
            if (added.get().status() == ContactStatus.HELD) {
                // routing has not seen the contact yet: the event follows its ContactReceived on release
                return added;
            }
            publication.publishFollowUp(added.get(), message.eventId());
            return store.findById(contactId);
        }
        // A concurrent request with the same key attached it first, or the contact was closed meanwhile.
        return store.findByMessageKey(key).map(winner -> replayMessage(winner, submission));
    }

    private Contact replayMessage(Contact contact, ContactSubmission submission) {
        AddedMessage message = contact.messageByKey(submission.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("contact found by message key has no such message"));
        if (!message.requestHash().equals(submission.requestHash())) {
            throw keyReused(contact);
        }
        if (contact.pendingEvents().contains(message.eventId()) && contact.status() != ContactStatus.HELD) {
            LOG.infof("contact %s: reply event %s still pending: re-publishing", contact.contactId(),
                    message.eventId());
            publication.publishFollowUp(contact, message.eventId());
            return store.findById(contact.contactId()).orElse(contact);
        }
        return contact;
    }

    private Contact replay(Contact existing, ContactSubmission submission) {
        if (!existing.createdBy(submission.requestHash())) {
            throw keyReused(existing);
        }
        if (existing.publishState() == PublishState.PENDING) {
            LOG.infof("contact %s is still pending: re-publishing event %s", existing.contactId(), existing.eventId());
            return publishOrUnavailable(existing);
        }
        return existing;
    }

    /**
     * Publishes the stored contact; when the broker does not acknowledge in time, a 503 that tells the gateway
     * the contact is kept (its id in {@code instance}) and that a retry with the same key is safe.
     */
    private Contact publishOrUnavailable(Contact contact) {
        try {
            return publication.publish(contact);
        } catch (PublishFailedException e) {
            throw unavailable(contact, e);
        }
    }

    /** {@link #publishOrUnavailable} without blocking a thread. */
    private CompletableFuture<Contact> publishOrUnavailableAsync(Contact contact) {
        return publication.publishAsync(contact).handle((published, failure) -> {
            if (failure == null) {
                return published;
            }
            Throwable cause = Stages.cause(failure);
            if (cause instanceof PublishFailedException e) {
                throw unavailable(contact, e);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    private ProblemException unavailable(Contact contact, PublishFailedException e) {
        LOG.warnf("contact %s stored, but its event was not acknowledged: answering 503 (%s)",
                contact.contactId(), e.getMessage());
        return new ProblemException(new Problem("https://tierline.io/problems/broker-unavailable",
                "Service unavailable", 503,
                "The contact is stored but the event broker did not acknowledge it in time; it will be "
                        + "published when the broker is back. Retrying with the same Idempotency-Key is safe "
                        + "and answers this same contact.",
                "/contacts/" + contact.contactId(), null),
                Map.of("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds()))));
    }

    private static ProblemException keyReused(Contact existing) {
        LOG.infof("idempotency key of contact %s reused with a different request", existing.contactId());
        return new ProblemException(new Problem(
                "https://tierline.io/problems/idempotency-key-reused",
                "Idempotency key reused",
                422,
                "This Idempotency-Key was already used with a different request; use a new key for a new contact",
                null,
                List.of(new Violation("Idempotency-Key", "was already used with a different request"))));
    }
}
