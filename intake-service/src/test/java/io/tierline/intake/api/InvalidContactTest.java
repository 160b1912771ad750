package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.customer;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.post;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of invalid request answers 400 problem+json naming the field, and stores nothing. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class InvalidContactTest {

    @Inject
    ContactStore store;

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("missing channel", "channel", b -> b.remove("channel")),
                invalid("unknown channel", "channel", b -> b.put("channel", "FAX")),
                invalid("missing customer", "customer", b -> b.remove("customer")),
                invalid("missing customer.id", "customer.id", b -> customer(b).remove("id")),
                invalid("too long customer.id", "customer.id", b -> customer(b).put("id", "x".repeat(101))),
                invalid("bad customer.email", "customer.email", b -> customer(b).put("email", "not-an-email")),
                invalid("unknown segment", "customer.segment", b -> customer(b).put("segment", "GOLD")),
                invalid("bad email.from", "email.from", b -> b.put("email", Map.of("from", "nope"))),
                invalid("bad language tag", "language", b -> b.put("language", "english")),
                invalid("underscore language tag", "language", b -> b.put("language", "en_GB")),
                invalid("blank message", "message", b -> b.put("message", "   ")),
                invalid("missing message", "message", b -> b.remove("message")),
                invalid("too long message", "message", b -> b.put("message", "x".repeat(20001))),
                invalid("too long subject", "subject", b -> b.put("subject", "x".repeat(501))),
                invalid("unknown priority", "priority", b -> b.put("priority", "CRITICAL")),
                invalid("too many attributes", "attributes", b -> b.put("attributes", fiftyOneAttributes())),
                invalid("details of another channel", "email", b -> b.put("channel", "PHONE")),
                invalid("second details object", "sms", b -> b.put("sms", Map.of("from", "+100"))),
                invalid("attributes not an object", "attributes", b -> b.put("attributes", "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void answers400NamingTheField(String name, String field, Consumer<Map<String, Object>> breakIt) {
        var body = email(unique("cust"));
        breakIt.accept(body);
        String key = unique("key");

        post(key, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));

        assertTrue(store.findByIdempotencyKey(key).isEmpty(), "nothing stored");
    }

    @Test
    void anUnknownChannelNamesTheAllowedValues() {
        var body = email(unique("cust"));
        body.put("channel", "FAX");
        post(unique("key"), body)
                .statusCode(400)
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", equalTo("must be one of [PHONE, CHAT, EMAIL, SMS, SOCIAL]"));
    }

    @Test
    void malformedJsonIsA400NamingTheBody() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", unique("key"))
                .body("{\"channel\": \"EMAIL\", \"customer\": ")
                .when().post("/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("body"));
    }

    @Test
    void aMissingIdempotencyKeyIsA400NamingTheHeader() {
        post(null, email(unique("cust")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
    }

    @Test
    void aTooLongIdempotencyKeyIsA400NamingTheHeader() {
        String key = "k".repeat(201);
        post(key, email(unique("cust")))
                .statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        assertTrue(store.findByIdempotencyKey(key).isEmpty());
    }

    @Test
    void anEmptyBodyIsA400() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", unique("key"))
                .when().post("/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        var body = email(unique("cust"));
        body.remove("channel");
        customer(body).remove("id");
        body.put("language", "english");
        post(null, body)
                .statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"))
                .body("violations.field", hasItem("channel"))
                .body("violations.field", hasItem("customer.id"))
                .body("violations.field", hasItem("language"))
                .body("violations", hasSize(4));
    }

    private static Arguments invalid(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    private static Map<String, String> fiftyOneAttributes() {
        var attributes = new HashMap<String, String>();
        IntStream.range(0, 51).forEach(i -> attributes.put("k" + i, "v"));
        return attributes;
    }
}
