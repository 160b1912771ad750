package io.tierline.intake;

import static io.tierline.intake.TestGateway.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.store.ContactStore;
import io.tierline.intake.store.CustomerHistoryStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** repeatOf: the most recent earlier contact of the same customer and category within the window (P7D). */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RepeatContactTest {

    @Inject
    ContactStore store;

    @Inject
    CustomerHistoryStore history;

    @Test
    void aSecondContactOfTheSameCustomerAndCategoryRepeatsTheMostRecentOne() {
        String customer = unique("cust");
        String first = post(customer, null).body("repeatOf", nullValue()).extract().path("contactId");
        String second = post(customer, null).body("repeatOf", equalTo(first)).extract().path("contactId");
        post(customer, null).body("repeatOf", equalTo(second));

        given().get("/contacts/{id}", second).then().statusCode(200).body("repeatOf", equalTo(first));
    }

    @Test
    void anotherCategoryOrAnotherCustomerIsNoRepeat() {
        String customer = unique("cust");
        post(customer, "billing").body("repeatOf", nullValue());
        post(customer, "delivery").body("repeatOf", nullValue());
        post(unique("cust"), "billing").body("repeatOf", nullValue());
    }

    @Test
    void onlyContactsWithinTheRepeatWindowCount() {
        String outside = unique("cust");
        seed(StoredContacts.chat(outside, "general", Instant.now().minus(Duration.ofDays(8)),
                PublishState.PUBLISHED));
        post(outside, null).body("repeatOf", nullValue());

        String inside = unique("cust");
        Contact earlier = StoredContacts.chat(inside, "general", Instant.now().minus(Duration.ofDays(6)),
                PublishState.PUBLISHED);
        seed(earlier);
        post(inside, null).body("repeatOf", equalTo(earlier.contactId()));
    }

    /** An earlier contact as intake would have left it: stored, and the customer's latest in its category. */
    private void seed(Contact contact) {
        assertTrue(store.insertIfAbsent(contact));
        history.record(contact.content().customer().id(), contact.category(), contact.contactId(),
                contact.receivedAt());
    }

    private static ValidatableResponse post(String customerId, String category) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "channel", "CHAT",
                "customer", Map.of("id", customerId),
                "message", "Where is my parcel?",
                "chat", Map.of("sessionId", unique("session"))));
        if (category != null) {
            body.put("category", category);
        }
        return given().contentType(ContentType.JSON).header("Idempotency-Key", unique("key")).body(body)
                .when().post("/contacts")
                .then().statusCode(202);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
