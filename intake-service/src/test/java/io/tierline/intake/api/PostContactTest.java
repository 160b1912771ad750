package io.tierline.intake.api;

import static io.tierline.intake.api.ContactBodies.customer;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.post;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactReceived;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class PostContactTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaProbe probe = KafkaProbe.shared();

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void acceptsAContactAndPublishesExactlyOneContactReceivedWithCloudEventsHeaders() {
        String customerId = unique("cust");
        var body = email(customerId);
        customer(body).put("segment", "VIP");

        var response = post(unique("key"), body)
                .statusCode(202)
                .body("contactId", startsWith("C-"))
                .body("status", equalTo("RECEIVED"))
                .body("category", equalTo("general"))
                .body("priority", equalTo("HIGH"))
                .body("language", equalTo("en"))
                .body("repeatOf", nullValue())
                .body("suggestions", empty())
                .body("receivedAt", notNullValue());
        String contactId = response.extract().path("contactId");
        response.header("Location", endsWith("/contacts/" + contactId));

        List<ConsumerRecord<String, String>> records = probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, WAIT);
        assertEquals(1, records.size(), "exactly one ContactReceived");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(contactId, record.key());
        assertEquals("io.tierline.ContactReceived", KafkaProbe.header(record, CloudEventHeaders.TYPE));
        assertEquals("/tierline/intake", KafkaProbe.header(record, CloudEventHeaders.SOURCE));
        assertEquals("1.0", KafkaProbe.header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", KafkaProbe.header(record, CloudEventHeaders.CONTENT_TYPE));
        assertNotNull(Instant.parse(KafkaProbe.header(record, CloudEventHeaders.TIME)));

        ContactReceived event = EventJson.read(record.value(), ContactReceived.class);
        assertEquals(KafkaProbe.header(record, CloudEventHeaders.ID), event.eventId());
        assertEquals(contactId, event.contactId());
        assertEquals(Channel.EMAIL, event.channel());
        assertEquals(customerId, event.customer().id());
        assertEquals("ann@example.com", event.customer().email());
        assertEquals(Segment.VIP, event.customer().segment());
        assertEquals("The invoice of March is wrong.", event.message());
        assertEquals("general", event.category());
        assertEquals(Priority.HIGH, event.priority());
        assertEquals("en", event.language());
        assertEquals("ann@example.com", event.email().from());
        assertNull(event.phone());
        assertEquals("test", event.attributes().get("source"));
        assertNull(event.repeatOf());
    }

    @Test
    void keepsWhatTheGatewayAskedForAndNormalisesTheLanguageTag() {
        var body = email(unique("cust"));
        body.put("category", "billing");
        body.put("priority", "LOW");
        body.put("language", "PT-br");

        post(unique("key"), body)
                .statusCode(202)
                .body("category", equalTo("billing"))
                .body("priority", equalTo("LOW"))
                .body("language", equalTo("pt-BR"));
    }

    @Test
    void theSameKeyTwiceAnswersTheSameContactAndPublishesOnce() {
        String key = unique("key");
        var body = email(unique("cust"));

        String first = post(key, body).statusCode(202).extract().asString();
        String second = post(key, body).statusCode(202).extract().asString();

        assertEquals(first, second, "the same 202 body");
        String contactId = io.restassured.path.json.JsonPath.from(first).getString("contactId");
        assertEquals(1, probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, WAIT).size());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWith422() {
        String key = unique("key");
        var body = email(unique("cust"));
        String contactId = post(key, body).statusCode(202).extract().path("contactId");

        body.put("message", "Something else entirely.");
        post(key, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations.field", hasItem("Idempotency-Key"));

        assertEquals(1, probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, WAIT).size());
    }
}
