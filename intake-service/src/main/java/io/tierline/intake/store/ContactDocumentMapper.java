package io.tierline.intake.store;

import io.tierline.events.ChatDetails;
import io.tierline.events.Customer;
import io.tierline.events.EmailDetails;
import io.tierline.events.PhoneDetails;
import io.tierline.events.SmsDetails;
import io.tierline.events.SocialDetails;
import io.tierline.intake.AddedMessage;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Closure;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import io.tierline.intake.Survey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps a {@link Contact} to its stored {@link ContactDocument} and back. */
public final class ContactDocumentMapper {

    private ContactDocumentMapper() {
    }

    public static ContactDocument toDocument(Contact contact) {
        ContactContent content = contact.content();
        Customer customer = content.customer();
        return new ContactDocument(
                contact.contactId(),
                contact.idempotencyKey(),
                contact.requestHash(),
                contact.eventId(),
                contact.status(),
                content.channel(),
                new CustomerDocument(customer.id(), customer.name(), customer.email(), customer.phone(),
                        customer.segment()),
                content.language(),
                content.subject(),
                content.message(),
                contact.category(),
                contact.priority(),
                contact.repeatOf(),
                content.gatewayRef(),
                content.attributes(),
                detailsOf(content.details()),
                contact.receivedAt(),
                contact.publishState(),
                null,
                contact.closure() == null ? null : contact.closure().closedAt(),
                contact.closure() == null ? null : contact.closure().eventId(),
                contact.closure() == null ? null : contact.closure().articleId(),
                contact.survey() == null ? null : survey(contact.survey()),
                contact.messages().stream().map(ContactDocumentMapper::message).toList(),
                threadMessageIds(contact),
                contact.pendingEvents().stream().map(id -> new PendingEventDocument(id, contact.receivedAt()))
                        .toList(),
                contact.queueAt());
    }

    static SurveyDocument survey(Survey s) {
        return new SurveyDocument(s.eventId(), s.score(), s.comment(), s.submittedAt());
    }

    static MessageDocument message(AddedMessage m) {
        return new MessageDocument(m.eventId(), m.idempotencyKey(), m.requestHash(), m.messageRef(), m.message(),
                m.addedAt());
    }

    /** The email message ids of the contact's thread: its own and those of the replies attached to it. */
    static List<String> threadMessageIds(Contact contact) {
        var ids = new ArrayList<String>();
        EmailDetails email = contact.content().details().email();
        if (email != null && email.messageId() != null) {
            ids.add(email.messageId());
        }
        contact.messages().stream().map(AddedMessage::messageRef).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    public static Contact toContact(ContactDocument doc) {
        CustomerDocument c = doc.customer();
        var content = new ContactContent(
                doc.channel(),
                new Customer(c.id(), c.name(), c.email(), c.phone(), c.segment()),
                doc.language(),
                doc.subject(),
                doc.message(),
                doc.gatewayRef(),
                doc.attributes(),
                details(doc));
        Closure closure = doc.closeEventId() == null ? null
                : new Closure(doc.closeEventId(), doc.closedAt(), doc.articleId());
        SurveyDocument s = doc.survey();
        Survey survey = s == null ? null : new Survey(s.eventId(), s.score(), s.comment(), s.submittedAt());
        List<AddedMessage> messages = doc.messages() == null ? List.of() : doc.messages().stream()
                .map(m -> new AddedMessage(m.eventId(), m.idempotencyKey(), m.requestHash(), m.messageRef(),
                        m.message(), m.addedAt()))
                .toList();
        Set<String> pending = doc.pendingEvents() == null ? Set.of() : doc.pendingEvents().stream()
                .map(PendingEventDocument::eventId).collect(Collectors.toSet());
        return new Contact(doc.id(), doc.eventId(), doc.idempotencyKey(), doc.requestHash(), content,
                doc.category(), doc.priority(), doc.repeatOf(), doc.status(), doc.receivedAt(), doc.publishState(),
                closure, survey, messages, pending, doc.queueAt());
    }

    static Map<String, String> detailsOf(ChannelDetails d) {
        var map = new LinkedHashMap<String, String>();
        if (d.phone() != null) {
            put(map, "ani", d.phone().ani());
            put(map, "dnis", d.phone().dnis());
            put(map, "ivrPath", d.phone().ivrPath());
        } else if (d.email() != null) {
            put(map, "from", d.email().from());
            put(map, "messageId", d.email().messageId());
            put(map, "inReplyTo", d.email().inReplyTo());
        } else if (d.chat() != null) {
            put(map, "sessionId", d.chat().sessionId());
            put(map, "transcript", d.chat().transcript());
        } else if (d.sms() != null) {
            put(map, "from", d.sms().from());
        } else if (d.social() != null) {
            put(map, "network", d.social().network());
            put(map, "handle", d.social().handle());
        } else {
            return null;
        }
        return map;
    }

    /** The details object of the document's channel, or none when the gateway sent none. */
    static ChannelDetails details(ContactDocument doc) {
        Map<String, String> m = doc.details();
        if (m == null) {
            return ChannelDetails.NONE;
        }
        return switch (doc.channel()) {
            case PHONE -> new ChannelDetails(new PhoneDetails(m.get("ani"), m.get("dnis"), m.get("ivrPath")),
                    null, null, null, null);
            case EMAIL -> new ChannelDetails(null,
                    new EmailDetails(m.get("from"), m.get("messageId"), m.get("inReplyTo")), null, null, null);
            case CHAT -> new ChannelDetails(null, null, new ChatDetails(m.get("sessionId"), m.get("transcript")),
                    null, null);
            case SMS -> new ChannelDetails(null, null, null, new SmsDetails(m.get("from")), null);
            case SOCIAL -> new ChannelDetails(null, null, null, null,
                    new SocialDetails(m.get("network"), m.get("handle")));
        };
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
