package io.tierline.intake.overload;

import static io.tierline.intake.TestGateway.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.config.IntakeConfig;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admission control at the edge, with every slot taken by the test itself: a gateway request waits
 * {@code max-wait} (%test: 3 s) and is answered 503 problem+json with Retry-After, nothing stored or changed;
 * the open endpoints, health and metrics are not held back; a slot freed goes to the request waiting for it.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AdmissionFilterTest {

    @Inject
    AdmissionControl admission;
    @Inject
    IntakeConfig config;
    @Inject
    ContactStore store;

    private final List<AdmissionControl.Arrival> held = new ArrayList<>();

    /**
     * Every slot, once the requests before have let go of theirs. A slot is freed when the server has sent its
     * answer (the response's end handler, on the event loop), which may be a moment after the client has read it.
     */
    private void takeEverySlot() {
        awaitNoneInFlight();
        while (admission.inFlight() < config.overload().maxInFlight()) {
            held.add(admission.arrive());
        }
    }

    @AfterEach
    void freeTheSlots() {
        held.forEach(AdmissionControl.Arrival::leave);
        held.clear();
    }

    @Test
    void atCapacityAGatewayRequestIs503WithRetryAfterAndNothingStoredWhileTheRestIsServed() {
        String open = postContact("key-" + UUID.randomUUID()).statusCode(202).extract().path("contactId");
        takeEverySlot();
        String key = "key-" + UUID.randomUUID();
        postContact(key).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://tierline.io/problems/overloaded"))
                .body("status", equalTo(503));
        assertTrue(store.findByIdempotencyKey(key).isEmpty(), "nothing stored for a request shed");
        given().post("/contacts/{id}/abandon", open).then().statusCode(503)
                .body("type", equalTo("https://tierline.io/problems/overloaded"));
        Contact untouched = store.findById(open).orElseThrow();
        assertEquals(ContactStatus.RECEIVED, untouched.status(), "an abandon shed changes nothing");
        assertTrue(untouched.pendingEvents().isEmpty(), "and records no event");

        given().get("/contacts/{id}", "C-unknown").then().statusCode(404);
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("tierline_intake_requests_in_flight " + config.overload().maxInFlight()))
                .body(matchesPattern("(?s).*tierline_intake_requests_shed_total\\{[^}]*reason=\"waited-too-long\""
                        + "[^}]*} [1-9].*"));

        freeTheSlots();
        postContact("key-" + UUID.randomUUID()).statusCode(202);
        awaitNoneInFlight();
    }

    private void awaitNoneInFlight() {
        await("the answered requests free their slots").atMost(Duration.ofSeconds(5))
                .until(() -> admission.inFlight() == 0);
    }

    @Test
    void aFreedSlotGoesToTheRequestWaitingForIt() throws Exception {
        takeEverySlot();
        String key = "key-" + UUID.randomUUID();
        var answer = CompletableFuture.supplyAsync(() -> postContact(key).extract().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.waiting() == 1);
        held.remove(0).leave();
        assertEquals(202, answer.get());
        assertTrue(store.findByIdempotencyKey(key).isPresent());
    }

    private static ValidatableResponse postContact(String idempotencyKey) {
        return given().header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(Map.of("channel", "SMS", "customer", Map.of("id", "cust-" + UUID.randomUUID()),
                        "message", "Call me back", "sms", Map.of("from", "+4400")))
                .when().post("/contacts").then();
    }
}
