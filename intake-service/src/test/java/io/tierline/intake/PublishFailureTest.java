package io.tierline.intake;

import static io.tierline.intake.TestGateway.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.messaging.PendingContactRepublisher;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A broker that does not acknowledge (here: the channel writes to a topic the broker refuses): 503 with
 * Retry-After, and the contact stays stored PENDING with its eventId, for the retry or the re-publisher.
 */
@QuarkusTest
@TestProfile(PublishFailureTest.RefusedTopic.class)
@QuarkusTestResource(TierlineTestInfra.class)
class PublishFailureTest {

    public static class RefusedTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.contacts-received.topic", "refused topic!",
                    "tierline.intake.publish-timeout", "PT5S",
                    "tierline.intake.republish.after", "PT0S");
        }
    }

    @Inject
    ContactStore store;
    @Inject
    PendingContactRepublisher republisher;

    @Test
    void anUnacknowledgedPublishAnswers503AndKeepsTheContactPending() {
        String key = "key-" + UUID.randomUUID();
        var body = Map.of("channel", "SOCIAL", "customer", Map.of("id", "cust-" + UUID.randomUUID()),
                "message", "DM: my order", "social", Map.of("network", "x", "handle", "@someone"));

        post(key, body);
        Contact pending = store.findByIdempotencyKey(key).orElseThrow();
        assertEquals(PublishState.PENDING, pending.publishState());

        post(key, body);
        Contact retried = store.findByIdempotencyKey(key).orElseThrow();
        assertEquals(pending.contactId(), retried.contactId(), "the retry re-uses the contact");
        assertEquals(pending.eventId(), retried.eventId(), "and its eventId");

        assertEquals(0, republisher.republishStale());
        assertEquals(PublishState.PENDING, store.findById(pending.contactId()).orElseThrow().publishState());
        given().get("/contacts/{id}", pending.contactId()).then().statusCode(200)
                .body("publishState", equalTo("PENDING"));
    }

    @Test
    void anUnacknowledgedClosureAnswers503AndStaysPendingWithOneEventIdForTheRetry() {
        Contact open = StoredContacts.chat("cust-" + UUID.randomUUID(), "general", java.time.Instant.now(),
                PublishState.PUBLISHED);
        store.insertIfAbsent(open);

        given().post("/contacts/{id}/abandon", open.contactId()).then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        Contact closed = store.findById(open.contactId()).orElseThrow();
        assertEquals(ContactStatus.ABANDONED, closed.status(), "the change is recorded");
        assertEquals(java.util.Set.of(closed.closure().eventId()), closed.pendingEvents(), "its event pending");

        given().post("/contacts/{id}/abandon", open.contactId()).then().statusCode(503);
        Contact retried = store.findById(open.contactId()).orElseThrow();
        assertEquals(closed.closure(), retried.closure(), "the retry re-uses the closure and its eventId");
        assertEquals(closed.pendingEvents(), retried.pendingEvents());
    }

    private static void post(String key, Object body) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/contacts")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
    }
}
