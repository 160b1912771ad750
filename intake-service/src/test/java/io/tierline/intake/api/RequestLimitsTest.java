package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** 413 for a body over the limit, 415 for a body that is not JSON: problem+json, nothing stored. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RequestLimitsTest {

    @Inject
    ContactStore store;

    @Test
    void aBodyOverTheLimitIs413ProblemJson() {
        // a well-formed JSON body of about 600 KB (over the 512 KB limit)
        String big = "{\"channel\":\"CHAT\",\"customer\":{\"id\":\"c\"},\"message\":\"hi\",\"chat\":{\"transcript\":\""
                + "y".repeat(600 * 1024) + "\"}}";
        String key = unique("key");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(big)
                .when().post("/contacts")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("violations.field", hasItem("body"));
        assertTrue(store.findByIdempotencyKey(key).isEmpty(), "nothing stored");
    }

    @Test
    void aBodyThatIsNotJsonIs415ProblemJson() {
        String key = unique("key");
        given().contentType(ContentType.TEXT).header("Idempotency-Key", key).body("channel=CHAT&message=hi")
                .when().post("/contacts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("violations.field", hasItem("Content-Type"));
        given().contentType(ContentType.XML).header("Idempotency-Key", key).body("<contact/>")
                .when().post("/contacts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertTrue(store.findByIdempotencyKey(key).isEmpty(), "nothing stored");
    }

    @Test
    void aSurveyThatIsNotJsonIs415() {
        String contactId = ContactBodies.postAccepted(email(unique("cust")));
        given().contentType(ContentType.TEXT).body("score=5")
                .when().post("/contacts/{id}/survey", contactId)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}
