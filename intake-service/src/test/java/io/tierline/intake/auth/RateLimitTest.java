package io.tierline.intake.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.TestGateway;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A gateway over its rate limit (%test: "test-limited", a burst of 3, then one request per 20 s) is answered 429
 * with Retry-After before its body is read; nothing is stored; other gateways go on.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RateLimitTest {

    private static final String LIMITED_KEY = "tierline-test-limited-key";

    @Inject
    ContactStore store;

    @Test
    void overItsLimitAGatewayGets429WithRetryAfterAndOthersAreNotHeldBack() {
        for (int i = 0; i < 3; i++) {
            post(LIMITED_KEY, "key-" + UUID.randomUUID()).statusCode(202);
        }
        String refusedKey = "key-" + UUID.randomUUID();
        post(LIMITED_KEY, refusedKey).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429))
                .body("violations.field", hasItem(TestGateway.HEADER));
        assertTrue(store.findByIdempotencyKey(refusedKey).isEmpty(), "nothing stored for a refused request");

        post(TestGateway.KEY, "key-" + UUID.randomUUID()).statusCode(202);
        post(TestGateway.KEY, "key-" + UUID.randomUUID()).statusCode(202);
    }

    private static io.restassured.response.ValidatableResponse post(String apiKey, String idempotencyKey) {
        return RestAssured.given().header(TestGateway.HEADER, apiKey).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "CHAT", "customer", Map.of("id", "cust-" + UUID.randomUUID()),
                        "message", "Where is my parcel?", "chat", Map.of("sessionId", "s-" + UUID.randomUUID())))
                .when().post("/contacts").then();
    }
}
