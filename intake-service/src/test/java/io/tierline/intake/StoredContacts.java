package io.tierline.intake;

import io.tierline.events.Channel;
import io.tierline.events.ChatDetails;
import io.tierline.events.Customer;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Contacts written straight to the store, as if taken in at another time. */
final class StoredContacts {

    private StoredContacts() {
    }

    static Contact chat(String customerId, String category, Instant receivedAt, PublishState state) {
        String contactId = "C-" + UUID.randomUUID();
        var content = new ContactContent(Channel.CHAT, new Customer(customerId, null, null, null, Segment.STANDARD),
                "en", null, "an earlier question", null, Map.of(),
                new ChannelDetails(null, null, new ChatDetails("s-" + contactId, null), null, null));
        return new Contact(contactId, EventIds.derive(contactId, "received"), "key-" + UUID.randomUUID(), "hash",
                content, category, Priority.NORMAL, null, ContactStatus.RECEIVED,
                receivedAt.truncatedTo(ChronoUnit.MILLIS), state);
    }
}
