package io.tierline.intake.store;

import io.tierline.events.ChatDetails;
import io.tierline.events.Customer;
import io.tierline.events.EmailDetails;
import io.tierline.events.PhoneDetails;
import io.tierline.events.SmsDetails;
import io.tierline.events.SocialDetails;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import java.util.LinkedHashMap;
import java.util.Map;

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
                null);
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
        return new Contact(doc.id(), doc.eventId(), doc.idempotencyKey(), doc.requestHash(), content,
                doc.category(), doc.priority(), doc.repeatOf(), doc.status(), doc.receivedAt(), doc.publishState());
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
