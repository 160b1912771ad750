package io.tierline.intake.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.TestGateway;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Gateway endpoints need a known X-Api-Key (401) allowed for the contact's channel (403); reads stay open. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class GatewayAuthTest {

    @Inject
    ContactStore store;

    private static Map<String, Object> body(String channel) {
        String details = channel.toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> channelDetails = switch (channel) {
            case "PHONE" -> Map.of("ani", "+4420000");
            case "CHAT" -> Map.of("sessionId", "s-1");
            default -> throw new IllegalArgumentException(channel);
        };
        return Map.of("channel", channel, "customer", Map.of("id", "cust-" + UUID.randomUUID()),
                "message", "Where is my order?", details, channelDetails);
    }

    private static ValidatableResponse post(RequestSpecification request, String key, Object body) {
        return request.contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/contacts").then();
    }

    private static void assertProblem(ValidatableResponse response, int status, String field) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("violations.field", hasItem(field));
    }

    @Test
    void withoutAKeyOrWithAnUnknownOneAContactIs401AndNothingIsStored() {
        String key = "key-" + UUID.randomUUID();
        var response = post(given(), key, body("CHAT"));
        assertProblem(response, 401, "X-Api-Key");
        response.header("WWW-Authenticate", notNullValue());
        assertProblem(post(given().header("X-Api-Key", "not-a-key"), key, body("CHAT")), 401, "X-Api-Key");
        assertProblem(post(given().header("X-Api-Key", ""), key, body("CHAT")), 401, "X-Api-Key");
        assertTrue(store.findByIdempotencyKey(key).isEmpty());
    }

    @Test
    void theKeyIsCheckedBeforeTheBodyIsRead() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body("{not json")
                .when().post("/contacts")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aKeyNotAllowedForTheChannelIs403AndNothingIsStored() {
        String key = "key-" + UUID.randomUUID();
        assertProblem(post(given().header("X-Api-Key", TestGateway.PHONE_ONLY_KEY), key, body("CHAT")), 403, "channel");
        assertTrue(store.findByIdempotencyKey(key).isEmpty());

        post(given().header("X-Api-Key", TestGateway.PHONE_ONLY_KEY), key, body("PHONE")).statusCode(202);
    }

    @Test
    void theContactCommandsNeedAKeyAllowedForTheContactsChannel() {
        String chat = post(TestGateway.given(), "key-" + UUID.randomUUID(), body("CHAT")).statusCode(202)
                .extract().path("contactId");
        for (String command : new String[] {"deflect", "abandon"}) {
            assertProblem(given().post("/contacts/{id}/" + command, chat).then(), 401, "X-Api-Key");
            assertProblem(given().header("X-Api-Key", TestGateway.PHONE_ONLY_KEY)
                    .post("/contacts/{id}/" + command, chat).then(), 403, "channel");
        }
        var survey = Map.of("score", 5);
        assertProblem(given().contentType(ContentType.JSON).body(survey)
                .post("/contacts/{id}/survey", chat).then(), 401, "X-Api-Key");
        assertProblem(given().header("X-Api-Key", TestGateway.PHONE_ONLY_KEY).contentType(ContentType.JSON)
                .body(survey).post("/contacts/{id}/survey", chat).then(), 403, "channel");

        var stored = store.findById(chat).orElseThrow();
        assertEquals(ContactStatus.RECEIVED, stored.status(), "nothing changed");
        assertEquals(null, stored.survey());
        assertTrue(stored.pendingEvents().isEmpty());

        TestGateway.given().post("/contacts/{id}/abandon", chat).then().statusCode(200)
                .body("status", equalTo("ABANDONED"));
    }

    @Test
    void readingAContactNeedsAKeyForItsChannelAndHealthStaysOpen() {
        String chat = post(TestGateway.given(), "key-" + UUID.randomUUID(), body("CHAT")).statusCode(202)
                .extract().path("contactId");
        TestGateway.given().get("/contacts/{id}", chat).then().statusCode(200).body("contactId", equalTo(chat));
        assertProblem(given().get("/contacts/{id}", chat).then(), 401, "X-Api-Key");
        assertProblem(given().header("X-Api-Key", TestGateway.PHONE_ONLY_KEY).get("/contacts/{id}", chat).then(),
                403, "channel");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
