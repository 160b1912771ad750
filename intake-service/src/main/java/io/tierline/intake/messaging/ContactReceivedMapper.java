package io.tierline.intake.messaging;

import io.tierline.events.ContactReceived;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;

/** Maps a stored contact to its {@code ContactReceived} event: the same eventId and time on every call. */
public final class ContactReceivedMapper {

    private ContactReceivedMapper() {
    }

    public static ContactReceived toEvent(Contact contact) {
        ContactContent content = contact.content();
        return new ContactReceived(
                contact.eventId(),
                contact.contactId(),
                contact.receivedAt(),
                content.channel(),
                content.customer(),
                content.language(),
                content.subject(),
                content.message(),
                contact.category(),
                contact.priority(),
                contact.repeatOf(),
                content.gatewayRef(),
                content.attributes(),
                content.details().phone(),
                content.details().email(),
                content.details().chat(),
                content.details().sms(),
                content.details().social());
    }
}
