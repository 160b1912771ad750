package io.tierline.intake;

import static io.tierline.intake.TestGateway.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactReceived;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import io.tierline.intake.messaging.PendingContactRepublisher;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A contact whose event was never acknowledged is re-published with the same eventId, never lost. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RepublishTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ContactStore store;
    @Inject
    PendingContactRepublisher republisher;
    @Inject
    MongoClient mongo;

    private final KafkaProbe probe = KafkaProbe.shared();

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aRetryOfAPendingContactRepublishesTheSameEvent() {
        String key = "key-" + UUID.randomUUID();
        var body = Map.of("channel", "SMS", "customer", Map.of("id", "cust-" + UUID.randomUUID()),
                "message", "Call me back", "sms", Map.of("from", "+4400000"));
        String contactId = post(key, body);
        // As if the broker had not acknowledged the first publish.
        mongo.getDatabase("tierline-intake").getCollection("contacts")
                .updateOne(Filters.eq("_id", contactId), Updates.set("publishState", "PENDING"));

        assertEquals(contactId, post(key, body));

        var records = probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 2, WAIT);
        assertEquals(2, records.size());
        assertEquals(KafkaProbe.header(records.get(0), CloudEventHeaders.ID),
                KafkaProbe.header(records.get(1), CloudEventHeaders.ID), "the same eventId");
        assertEquals(records.get(0).value(), records.get(1).value(), "the same event");
        given().get("/contacts/{id}", contactId).then().body("publishState", equalTo("PUBLISHED"));
    }

    @Test
    void theRepublisherPublishesContactsStuckPending() {
        Contact stuck = StoredContacts.chat("cust-" + UUID.randomUUID(), "general",
                Instant.now().minus(Duration.ofMinutes(5)), PublishState.PENDING);
        assertTrue(store.insertIfAbsent(stuck));

        assertTrue(republisher.republishStale() >= 1);

        var records = probe.awaitKey(Topics.CONTACTS_RECEIVED, stuck.contactId(), 1, WAIT);
        assertEquals(1, records.size());
        assertEquals(stuck.eventId(), KafkaProbe.header(records.get(0), CloudEventHeaders.ID));
        assertEquals(stuck.eventId(), EventJson.read(records.get(0).value(), ContactReceived.class).eventId());
        assertEquals(PublishState.PUBLISHED, store.findById(stuck.contactId()).orElseThrow().publishState());
    }

    @Test
    void theRepublisherLeavesRecentPendingContactsToTheirRequest() {
        Contact recent = StoredContacts.chat("cust-" + UUID.randomUUID(), "general", Instant.now(),
                PublishState.PENDING);
        assertTrue(store.insertIfAbsent(recent));

        republisher.republishStale();

        assertEquals(PublishState.PENDING, store.findById(recent.contactId()).orElseThrow().publishState());
        assertTrue(probe.awaitKey(Topics.CONTACTS_RECEIVED, recent.contactId(), 1, Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void aContactAcknowledgedBeforeACrashLeftItsMarkerIsNotPublishedAgain() {
        String contactId = post("key-" + UUID.randomUUID(), Map.of("channel", "SMS",
                "customer", Map.of("id", "cust-" + UUID.randomUUID()), "message", "Call me back",
                "sms", Map.of("from", "+4400000")));
        probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, WAIT);
        // What a crash between the broker's acknowledgement and clearing the marker leaves behind.
        contacts().updateOne(Filters.eq("_id", contactId), Updates.combine(Updates.set("publishState", "PENDING"),
                Updates.set("receivedAt", java.util.Date.from(Instant.now().minus(Duration.ofMinutes(5))))));

        republisher.republishStale();

        assertEquals(PublishState.PUBLISHED, store.findById(contactId).orElseThrow().publishState());
        assertEquals(1, probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 2, Duration.ofSeconds(3)).size(),
                "still exactly one record");
    }

    @Test
    void aFollowUpAcknowledgedBeforeACrashLeftItsMarkerIsNotPublishedAgain() {
        Contact open = StoredContacts.chat("cust-" + UUID.randomUUID(), "general",
                Instant.now().minus(Duration.ofMinutes(5)), PublishState.PUBLISHED);
        assertTrue(store.insertIfAbsent(open));
        given().post("/contacts/{id}/abandon", open.contactId()).then().statusCode(200);
        String eventId = store.findById(open.contactId()).orElseThrow().closure().eventId();
        contacts().updateOne(Filters.eq("_id", open.contactId()), Updates.push("pendingEvents",
                new org.bson.Document("eventId", eventId)
                        .append("since", java.util.Date.from(Instant.now().minus(Duration.ofMinutes(1))))));

        republisher.republishStale();

        assertTrue(store.findById(open.contactId()).orElseThrow().pendingEvents().isEmpty());
        var records = probe.await(Topics.CONTACTS_RECEIVED,
                r -> eventId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 2, Duration.ofSeconds(3));
        assertEquals(1, records.size(), "still exactly one ContactAbandoned");
    }

    private com.mongodb.client.MongoCollection<org.bson.Document> contacts() {
        return mongo.getDatabase("tierline-intake").getCollection("contacts");
    }

    private static String post(String key, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/contacts")
                .then().statusCode(202)
                .extract().path("contactId");
    }
}
