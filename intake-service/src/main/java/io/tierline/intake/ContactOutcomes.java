package io.tierline.intake;

import io.tierline.events.EventIds;
import io.tierline.intake.store.ContactStore;
import io.tierline.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the customer does with a contact after it was taken in: deflect it (solved by self-service), abandon it,
 * rate it. Each is one conditional single-document update that records the change and marks its event
 * pending, then the event is published (derived eventId) and marked published. A repeat of the same command
 * re-publishes the same event and succeeds; a conflicting one is a 409.
 */
@ApplicationScoped
public class ContactOutcomes {

    private static final Logger LOG = Logger.getLogger(ContactOutcomes.class);

    private final ContactStore store;
    private final ContactPublication publication;
    private final Clock clock;

    public ContactOutcomes(ContactStore store, ContactPublication publication, Clock clock) {
        this.store = store;
        this.publication = publication;
        this.clock = clock;
    }

    /** The customer solved it with self-service; {@code articleId} may be null. */
    public Contact deflect(String contactId, String articleId) {
        return close(contactId, ContactStatus.DEFLECTED, articleId, "deflected");
    }

    /** The customer hung up or left before an agent answered. */
    public Contact abandon(String contactId) {
        return close(contactId, ContactStatus.ABANDONED, null, "abandoned");
    }

    /** The customer's CSAT score (1..5, validated by the caller) and optional comment; once per contact. */
    public Contact survey(String contactId, int score, String comment) {
        var survey = new Survey(EventIds.derive(contactId, "survey"), score, comment, now());
        Optional<Contact> recorded = store.submitSurvey(contactId, survey);
        if (recorded.isPresent()) {
            LOG.infof("contact %s: survey score %d recorded", contactId, score);
            return publish(recorded.get(), survey.eventId());
        }
        Contact existing = known(contactId);
        Survey earlier = existing.survey();
        if (earlier == null) {
            throw new IllegalStateException("contact " + contactId + " refused a survey but has none");
        }
        if (earlier.score() != score) {
            throw ProblemException.conflict("Contact '" + contactId + "' was already rated " + earlier.score()
                    + "; a contact is rated once");
        }
        return publish(existing, earlier.eventId());
    }

    private Contact close(String contactId, ContactStatus status, String articleId, String what) {
        var closure = new Closure(EventIds.derive(contactId, what), now(), articleId);
        Optional<Contact> closed = store.close(contactId, status, closure);
        if (closed.isPresent()) {
            LOG.infof("contact %s %s", contactId, what);
            return publish(closed.get(), closure.eventId());
        }
        Contact existing = known(contactId);
        if (existing.status() != status) {
            throw ProblemException.conflict("Contact '" + contactId + "' is " + existing.status()
                    + " already; it cannot be " + what);
        }
        if (!Objects.equals(existing.closure().articleId(), articleId)) {
            throw ProblemException.conflict("Contact '" + contactId + "' was already " + what + " with article '"
                    + existing.closure().articleId() + "'");
        }
        LOG.infof("contact %s was %s already: re-publishing event %s", contactId, what, existing.closure().eventId());
        return publish(existing, existing.closure().eventId());
    }

    /** Publishes the event (also when it was published before: a retry must not lose it) and marks it. */
    private Contact publish(Contact contact, String eventId) {
        publication.publishFollowUp(contact, eventId);
        return store.findById(contact.contactId()).orElse(contact);
    }

    private Contact known(String contactId) {
        return store.findById(contactId).orElseThrow(() -> ProblemException.notFound("contact", contactId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
