package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.Topics;
import io.tierline.intake.PublishState;
import io.tierline.intake.messaging.PendingContactRepublisher;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The self-service hold: a held contact is stored and answered (HELD, queueAt) but not published for routing;
 * deflected during the hold it never reaches routing; queued, or due, it is published once.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class SelfServiceHoldFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NOTHING_MORE = Duration.ofSeconds(2);
    private static final String RECEIVED = "io.tierline.ContactReceived";

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

    private static Map<String, Object> heldChat(Object holdSeconds) {
        var body = new HashMap<String, Object>(Map.of("channel", "CHAT",
                "customer", Map.of("id", "cust-" + UUID.randomUUID()), "message", "How do I reset my password?",
                "chat", Map.of("sessionId", "s-1")));
        body.put("selfService", Map.of("holdSeconds", holdSeconds));
        return body;
    }

    private static ValidatableResponse post(String key, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/contacts").then();
    }

    private List<String> typesOn(String contactId, Duration wait, int count) {
        return probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, count, wait).stream()
                .map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList();
    }

    private void holdEnded(String contactId) {
        mongo.getDatabase("tierline-intake").getCollection("contacts").updateOne(Filters.eq("_id", contactId),
                Updates.set("queueAt", Date.from(Instant.now().minusSeconds(1))));
    }

    @Test
    void aHeldContactIsAnsweredHeldWithItsQueueTimeAndNotPublished() {
        String key = "key-" + UUID.randomUUID();
        var body = heldChat(60);
        var answer = post(key, body).statusCode(202)
                .body("status", equalTo("HELD"))
                .extract();
        String contactId = answer.path("contactId");
        Instant receivedAt = Instant.parse(answer.path("receivedAt"));
        assertEquals(receivedAt.plusSeconds(60), Instant.parse(answer.path("queueAt")));
        assertEquals(PublishState.HELD, store.findById(contactId).orElseThrow().publishState());

        post(key, body).statusCode(202).body("contactId", equalTo(contactId)).body("status", equalTo("HELD"));
        republisher.republishStale();
        assertTrue(typesOn(contactId, NOTHING_MORE, 1).isEmpty(), "not published while held");
    }

    @Test
    void deflectedDuringTheHoldItNeverReachesRoutingButTheDeflectionIsPublished() {
        String contactId = post("key-" + UUID.randomUUID(), heldChat(60)).statusCode(202)
                .extract().path("contactId");

        given().post("/contacts/{id}/deflect", contactId).then().statusCode(200).body("status", equalTo("DEFLECTED"));
        holdEnded(contactId);
        republisher.republishStale();

        assertEquals(1, typesOn(contactId, WAIT, 1).size());
        assertEquals(List.of("io.tierline.ContactDeflected"), typesOn(contactId, NOTHING_MORE, 2));
        given().post("/contacts/{id}/queue", contactId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void queueReleasesItAtOnceAndOnlyOnce() {
        String contactId = post("key-" + UUID.randomUUID(), heldChat(600)).statusCode(202)
                .extract().path("contactId");

        given().post("/contacts/{id}/queue", contactId).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("publishState", equalTo("PUBLISHED"));
        given().post("/contacts/{id}/queue", contactId).then().statusCode(200).body("status", equalTo("RECEIVED"));
        holdEnded(contactId);
        republisher.republishStale();

        assertEquals(1, typesOn(contactId, WAIT, 1).size());
        assertEquals(List.of(RECEIVED), typesOn(contactId, NOTHING_MORE, 2));
    }

    @Test
    void whenTheHoldEndsTheRepublisherPublishesItOnce() {
        String contactId = post("key-" + UUID.randomUUID(), heldChat(600)).statusCode(202)
                .extract().path("contactId");
        holdEnded(contactId);

        republisher.republishStale();
        republisher.republishStale();

        List<ConsumerRecord<String, String>> records =
                probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 2, NOTHING_MORE);
        assertEquals(1, records.size());
        assertEquals(RECEIVED, KafkaProbe.header(records.get(0), CloudEventHeaders.TYPE));
        assertEquals(PublishState.PUBLISHED, store.findById(contactId).orElseThrow().publishState());
        given().get("/contacts/{id}", contactId).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void theHoldIsCappedAndZeroMeansNone() {
        var capped = post("key-" + UUID.randomUUID(), heldChat(86400)).statusCode(202).extract();
        assertEquals(Instant.parse(capped.path("receivedAt")).plus(Duration.ofMinutes(10)),
                Instant.parse(capped.path("queueAt")), "tierline.intake.self-service.max-hold");

        post("key-" + UUID.randomUUID(), heldChat(0)).statusCode(202)
                .body("status", equalTo("RECEIVED")).body("queueAt", equalTo(null));
    }

    @Test
    void aBadHoldIsA400NamingTheFieldAndNothingIsStored() {
        for (Object bad : new Object[] {-1, "soon", 86401}) {
            String key = "key-" + UUID.randomUUID();
            post(key, heldChat(bad)).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("selfService")));
            assertTrue(store.findByIdempotencyKey(key).isEmpty());
        }
    }
}
