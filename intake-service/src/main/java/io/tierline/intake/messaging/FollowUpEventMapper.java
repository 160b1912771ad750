package io.tierline.intake.messaging;

import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactMessageAdded;
import io.tierline.events.SurveySubmitted;
import io.tierline.intake.AddedMessage;
import io.tierline.intake.Closure;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.Survey;
import java.util.Optional;

/**
 * Maps what a stored contact records (its closure, survey, attached messages) to the follow-up events on
 * {@code contacts.received}: the same eventId and time on every call, so a re-publication is a duplicate.
 */
public final class FollowUpEventMapper {

    private FollowUpEventMapper() {
    }

    /** The follow-up event of the contact with this id, if the contact records one. */
    public static Optional<ContactEvent> event(Contact contact, String eventId) {
        Closure closure = contact.closure();
        if (closure != null && closure.eventId().equals(eventId)) {
            return Optional.of(closureEvent(contact));
        }
        Survey survey = contact.survey();
        if (survey != null && survey.eventId().equals(eventId)) {
            return Optional.of(surveyEvent(contact));
        }
        return contact.messages().stream().filter(m -> m.eventId().equals(eventId)).findFirst()
                .map(m -> messageEvent(contact, m));
    }

    /** {@code ContactDeflected} or {@code ContactAbandoned}, by the contact's status. */
    public static ContactEvent closureEvent(Contact c) {
        Closure closure = c.closure();
        if (c.status() == ContactStatus.DEFLECTED) {
            return new ContactDeflected(closure.eventId(), c.contactId(), closure.closedAt(),
                    c.content().customer().id(), c.content().channel(), c.category(), closure.articleId(),
                    c.receivedAt());
        }
        if (c.status() == ContactStatus.ABANDONED) {
            return new ContactAbandoned(closure.eventId(), c.contactId(), closure.closedAt(),
                    c.content().customer().id(), c.content().channel(), c.category(), c.receivedAt());
        }
        throw new IllegalStateException("contact " + c.contactId() + " is not closed");
    }

    public static SurveySubmitted surveyEvent(Contact c) {
        Survey s = c.survey();
        return new SurveySubmitted(s.eventId(), c.contactId(), s.submittedAt(), c.content().customer().id(),
                c.content().channel(), c.category(), s.score(), s.comment());
    }

    public static ContactMessageAdded messageEvent(Contact c, AddedMessage m) {
        return new ContactMessageAdded(m.eventId(), c.contactId(), m.addedAt(), c.content().channel(), m.message(),
                m.messageRef());
    }
}
