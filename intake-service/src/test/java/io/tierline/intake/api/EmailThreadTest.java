package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.post;
import static io.tierline.intake.api.ContactBodies.postAccepted;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactMessageAdded;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An email replying to an open (or held) contact's thread attaches to it (ContactMessageAdded) instead of opening
 * one.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class EmailThreadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(2);

    @Inject
    ContactStore store;

    private final KafkaProbe probe = KafkaProbe.shared();

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aReplyInTheThreadOfAnOpenContactAttachesToIt() {
        String customerId = unique("cust");
        var original = email(customerId);
        String contactId = postAccepted(original);
        String replyKey = unique("key");
        var reply = replyTo(customerId, messageId(original), "Here is the invoice number: 4711.");

        post(replyKey, reply).statusCode(202)
                .body("contactId", equalTo(contactId))
                .body("status", equalTo("RECEIVED"));

        assertTrue(store.findByIdempotencyKey(replyKey).isEmpty(), "no new contact");
        List<ConsumerRecord<String, String>> added = events(contactId, "ContactMessageAdded", 1, WAIT);
        assertEquals(1, added.size());
        ContactMessageAdded event = EventJson.read(added.get(0).value(), ContactMessageAdded.class);
        assertEquals(KafkaProbe.header(added.get(0), CloudEventHeaders.ID), event.eventId());
        assertEquals(contactId, event.contactId());
        assertEquals(Channel.EMAIL, event.channel());
        assertEquals("Here is the invoice number: 4711.", event.message());
        assertEquals(messageId(reply), event.messageRef());
        assertEquals(1, events(contactId, "ContactReceived", 1, SHORT).size(), "still one ContactReceived");

        given().get("/contacts/{id}", contactId).then()
                .body("messages", hasSize(1))
                .body("messages[0].messageRef", equalTo(messageId(reply)))
                .body("messages[0].message", equalTo("Here is the invoice number: 4711."));
        assertTrue(store.findById(contactId).orElseThrow().pendingEvents().isEmpty(), "marked published");
    }

    @Test
    void theSameReplyAgainIsIdempotentAndAnotherRequestWithItsKeyIs422() {
        String customerId = unique("cust");
        var original = email(customerId);
        String contactId = postAccepted(original);
        String replyKey = unique("key");
        var reply = replyTo(customerId, messageId(original), "Any news?");

        String first = post(replyKey, reply).statusCode(202).extract().asString();
        String second = post(replyKey, reply).statusCode(202).extract().asString();
        assertEquals(first, second, "the same 202 body");

        reply.put("message", "Something else");
        post(replyKey, reply).statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));

        assertEquals(1, events(contactId, "ContactMessageAdded", 1, WAIT).size(), "published once");
        given().get("/contacts/{id}", contactId).then().body("messages", hasSize(1));
    }

    @Test
    void aReplyToAnAttachedReplyAttachesToTheSameContact() {
        String customerId = unique("cust");
        var original = email(customerId);
        String contactId = postAccepted(original);
        var reply = replyTo(customerId, messageId(original), "First reply");
        post(unique("key"), reply).statusCode(202).body("contactId", equalTo(contactId));
        var replyToReply = replyTo(customerId, messageId(reply), "Second reply");
        post(unique("key"), replyToReply).statusCode(202).body("contactId", equalTo(contactId));

        assertEquals(2, events(contactId, "ContactMessageAdded", 2, WAIT).size());
        assertNotEquals(events(contactId, "ContactMessageAdded", 2, WAIT).get(0).value(),
                events(contactId, "ContactMessageAdded", 2, WAIT).get(1).value());
    }

    @Test
    void aReplyDuringTheSelfServiceHoldAttachesAndFollowsTheContactWhenItIsQueued() {
        String customerId = unique("cust");
        var original = email(customerId);
        original.put("selfService", Map.of("holdSeconds", 600));
        String contactId = post(unique("key"), original).statusCode(202).body("status", equalTo("HELD"))
                .extract().path("contactId");
        var reply = replyTo(customerId, messageId(original), "The article did not help, please call me.");

        post(unique("key"), reply).statusCode(202)
                .body("contactId", equalTo(contactId))
                .body("status", equalTo("HELD"));
        assertTrue(events(contactId, "ContactMessageAdded", 1, SHORT).isEmpty(), "not before the contact itself");

        given().post("/contacts/{id}/queue", contactId).then().statusCode(200).body("status", equalTo("RECEIVED"));
        List<ConsumerRecord<String, String>> all = probe.await(Topics.CONTACTS_RECEIVED,
                r -> contactId.equals(r.key()), 2, WAIT);
        assertEquals(List.of("io.tierline.ContactReceived", "io.tierline.ContactMessageAdded"),
                all.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList(), "in this order");
        assertTrue(store.findById(contactId).orElseThrow().pendingEvents().isEmpty(), "marked published");
        given().get("/contacts/{id}", contactId).then().body("messages", hasSize(1));
    }

    @Test
    void anotherCustomerAnUnknownMessageOrAClosedContactOpenANewContact() {
        String customerId = unique("cust");
        var original = email(customerId);
        String contactId = postAccepted(original);

        String stranger = postAccepted(replyTo(unique("cust"), messageId(original), "Not my thread"));
        assertNotEquals(contactId, stranger);
        String unknown = postAccepted(replyTo(customerId, unique("msg"), "Reply to something unknown"));
        assertNotEquals(contactId, unknown);

        given().post("/contacts/{id}/abandon", contactId).then().statusCode(200);
        String afterClose = postAccepted(replyTo(customerId, messageId(original), "Reply after it was closed"));
        assertNotEquals(contactId, afterClose);
        assertEquals(1, events(afterClose, "ContactReceived", 1, WAIT).size());
        assertTrue(events(contactId, "ContactMessageAdded", 1, SHORT).isEmpty());
        given().get("/contacts/{id}", contactId).then().body("$", not(org.hamcrest.Matchers.hasKey("messages")));
    }

    private static Map<String, Object> replyTo(String customerId, String inReplyTo, String message) {
        var body = email(customerId);
        body.put("subject", "Re: My invoice");
        body.put("message", message);
        @SuppressWarnings("unchecked")
        var details = new LinkedHashMap<String, Object>((Map<String, Object>) body.get("email"));
        details.put("inReplyTo", inReplyTo);
        body.put("email", details);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static String messageId(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("email")).get("messageId");
    }

    private List<ConsumerRecord<String, String>> events(String contactId, String type, int count, Duration wait) {
        return probe.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key())
                && ("io.tierline." + type).equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), count, wait);
    }
}
