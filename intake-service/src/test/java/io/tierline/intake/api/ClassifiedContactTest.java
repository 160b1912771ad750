package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.intake.TestStaff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.ContactReceived;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /contacts classified by the shipped rules document, and GET /classification-rules. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class ClassifiedContactTest {

    @Test
    void theShippedRulesAreInEffectAndShown() {
        TestStaff.asAdmin().get("/classification-rules").then()
                .statusCode(200)
                .body("version", equalTo("2026-11-default-1"))
                .body("source", equalTo("classpath:classification-rules.json"))
                .body("sha256", notNullValue())
                .body("rules.repeatRaisesPriority", equalTo(true))
                .body("rules.categories[0].name", equalTo("gateway-billing"))
                .body("lastRefused", nullValue());
    }

    @Test
    void anIvrPathAndKeywordsChooseTheCategory() {
        post(phone(unique("cust"), "main>billing>cards", "IVR call")).body("category", equalTo("billing"));
        post(chat(unique("cust"), "Hello, I still have not received my refund.")).body("category", equalTo("billing"));
        post(chat(unique("cust"), "I cannot log in since yesterday")).body("category", equalTo("account"));
    }

    @Test
    void aRepeatContactGetsOneStepMorePriorityAndAnOutageOfAVipIsUrgent() {
        String customer = unique("cust");
        String first = post(chat(customer, "Where is my refund?")).body("priority", equalTo("NORMAL"))
                .extract().path("contactId");
        post(chat(customer, "Where is my refund? Second time I ask.")).body("repeatOf", equalTo(first))
                .body("priority", equalTo("HIGH"));

        var vip = chat(unique("cust"), "Total outage here");
        ContactBodies.customer(vip).put("segment", "VIP");
        post(vip).body("category", equalTo("outage")).body("priority", equalTo("URGENT"));
    }

    @Test
    void aContactWithoutLanguageGetsTheDetectedOneOnTheEvent() {
        String contactId = post(chat(unique("cust"), "Wo ist mein Paket? Ich habe es vor zwei Wochen bestellt."))
                .body("language", equalTo("de")).extract().path("contactId");
        post(chat(unique("cust"), "ok")).body("language", equalTo("en"));
        try (KafkaProbe probe = KafkaProbe.shared()) {
            var records = probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, Duration.ofSeconds(30));
            assertEquals(1, records.size());
            ContactReceived event = EventJson.read(records.get(0).value(), ContactReceived.class);
            assertEquals("de", event.language());
            assertEquals(Priority.NORMAL, event.priority());
        }
    }

    private static Map<String, Object> chat(String customerId, String message) {
        var body = new HashMap<String, Object>();
        body.put("channel", "CHAT");
        body.put("customer", new HashMap<>(Map.of("id", customerId)));
        body.put("message", message);
        body.put("chat", Map.of("sessionId", unique("session")));
        return body;
    }

    private static Map<String, Object> phone(String customerId, String ivrPath, String message) {
        var body = new HashMap<String, Object>();
        body.put("channel", "PHONE");
        body.put("customer", new HashMap<>(Map.of("id", customerId)));
        body.put("message", message);
        body.put("phone", Map.of("ani", "+4411", "dnis", "+4422", "ivrPath", ivrPath));
        return body;
    }

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", unique("key")).body(body)
                .when().post("/contacts").then().statusCode(202);
    }
}
