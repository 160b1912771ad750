package io.tierline.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.EmailDetails;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.intake.AddedMessage;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Closure;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import io.tierline.intake.Survey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Closure, survey, attached messages and pending markers survive the mapping; the thread holds every message id. */
class ContactDocumentFollowUpsTest {

    @Test
    void followUpsSurviveTheRoundTrip() {
        Instant t = Instant.parse("2026-01-02T03:04:05.678Z");
        var content = new ContactContent(Channel.EMAIL, new Customer("c1", null, null, null, Segment.STANDARD), "en",
                "s", "m", null, Map.of(), new ChannelDetails(null, new EmailDetails("a@b.c", "m1", null), null, null,
                        null));
        var contact = new Contact("C-1", "e-1", "key", "hash", content, "billing", Priority.HIGH, null,
                ContactStatus.DEFLECTED, t, PublishState.PUBLISHED, new Closure("e-2", t.plusSeconds(5), "kb-1"),
                new Survey("e-3", 4, "good", t.plusSeconds(9)),
                List.of(new AddedMessage("e-4", "key-2", "hash-2", "m2", "more", t.plusSeconds(2))),
                Set.of("e-3"), t.plusSeconds(60));

        ContactDocument doc = ContactDocumentMapper.toDocument(contact);

        assertEquals(contact, ContactDocumentMapper.toContact(doc));
        assertEquals(List.of("m1", "m2"), doc.threadMessageIds());
        assertEquals("e-2", doc.closeEventId());
    }
}
