package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.postAccepted;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.EventJson;
import io.tierline.events.SurveySubmitted;
import io.tierline.events.Topics;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deflect, abandon and survey: one conditional update each, the event after the broker's ack, idempotent. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class ContactOutcomesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(2);

    @Inject
    ContactStore store;

    private final KafkaProbe probe = KafkaProbe.shared();

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void deflectClosesTheContactAndPublishesContactDeflected() {
        String customerId = unique("cust");
        String contactId = postAccepted(email(customerId));

        command(contactId, "deflect", Map.of("articleId", "kb-7"))
                .statusCode(200)
                .body("contactId", equalTo(contactId))
                .body("status", equalTo("DEFLECTED"))
                .body("articleId", equalTo("kb-7"))
                .body("closedAt", notNullValue());
        given().get("/contacts/{id}", contactId).then().statusCode(200)
                .body("status", equalTo("DEFLECTED"))
                .body("articleId", equalTo("kb-7"));

        List<ConsumerRecord<String, String>> records = events(contactId, "ContactDeflected", 1);
        assertEquals(1, records.size(), "exactly one ContactDeflected");
        ContactDeflected event = EventJson.read(records.get(0).value(), ContactDeflected.class);
        assertEquals(KafkaProbe.header(records.get(0), CloudEventHeaders.ID), event.eventId());
        assertEquals(contactId, event.contactId());
        assertEquals(customerId, event.customerId());
        assertEquals(Channel.EMAIL, event.channel());
        assertEquals("general", event.category());
        assertEquals("kb-7", event.articleId());
        assertEquals(Instant.parse(given().get("/contacts/{id}", contactId).then().extract().path("receivedAt")),
                event.receivedAt());
        assertTrue(store.findById(contactId).orElseThrow().pendingEvents().isEmpty(), "marked published");
    }

    @Test
    void deflectingTwiceAnswers200AndRepublishesTheSameEvent() {
        String contactId = postAccepted(email(unique("cust")));
        String first = command(contactId, "deflect", null).statusCode(200)
                .body("articleId", nullValue()).extract().path("closedAt");
        String second = command(contactId, "deflect", null).statusCode(200).extract().path("closedAt");
        assertEquals(first, second, "the first closure stands");

        var records = events(contactId, "ContactDeflected", 2);
        assertEquals(2, records.size());
        assertEquals(KafkaProbe.header(records.get(0), CloudEventHeaders.ID),
                KafkaProbe.header(records.get(1), CloudEventHeaders.ID), "the same eventId");
        assertEquals(records.get(0).value(), records.get(1).value(), "the same event");
    }

    @Test
    void deflectNeedsNoBodyNorContentType() {
        String contactId = postAccepted(email(unique("cust")));
        given().post("/contacts/{id}/deflect", contactId).then().statusCode(200)
                .body("status", equalTo("DEFLECTED"));
        assertEquals(1, events(contactId, "ContactDeflected", 1).size());
    }

    @Test
    void abandonClosesTheContactAndARepeatRepublishesTheSameEvent() {
        String customerId = unique("cust");
        String contactId = postAccepted(email(customerId));

        given().post("/contacts/{id}/abandon", contactId).then().statusCode(200)
                .body("status", equalTo("ABANDONED"))
                .body("closedAt", notNullValue());
        given().post("/contacts/{id}/abandon", contactId).then().statusCode(200)
                .body("status", equalTo("ABANDONED"));
        given().get("/contacts/{id}", contactId).then().body("status", equalTo("ABANDONED"));

        var records = events(contactId, "ContactAbandoned", 2);
        assertEquals(2, records.size());
        assertEquals(records.get(0).value(), records.get(1).value(), "the same event, the same eventId");
        ContactAbandoned event = EventJson.read(records.get(0).value(), ContactAbandoned.class);
        assertEquals(customerId, event.customerId());
        assertEquals(contactId, event.contactId());
        assertTrue(event.occurredAt().compareTo(event.receivedAt()) >= 0);
    }

    @Test
    void abandonAfterDeflectAndDeflectAfterAbandonAre409() {
        String deflected = postAccepted(email(unique("cust")));
        command(deflected, "deflect", null).statusCode(200);
        given().post("/contacts/{id}/abandon", deflected).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
        given().get("/contacts/{id}", deflected).then().body("status", equalTo("DEFLECTED"));
        assertTrue(events(deflected, "ContactAbandoned", 1, SHORT).isEmpty());

        String abandoned = postAccepted(email(unique("cust")));
        given().post("/contacts/{id}/abandon", abandoned).then().statusCode(200);
        command(abandoned, "deflect", Map.of("articleId", "kb-1"))
                .statusCode(409)
                .contentType("application/problem+json");
        given().get("/contacts/{id}", abandoned).then().body("status", equalTo("ABANDONED"));
        assertTrue(events(abandoned, "ContactDeflected", 1, SHORT).isEmpty());
    }

    @Test
    void deflectingAgainWithAnotherArticleIs409() {
        String contactId = postAccepted(email(unique("cust")));
        command(contactId, "deflect", Map.of("articleId", "kb-1")).statusCode(200);
        command(contactId, "deflect", Map.of("articleId", "kb-2")).statusCode(409)
                .contentType("application/problem+json");
        given().get("/contacts/{id}", contactId).then().body("articleId", equalTo("kb-1"));
        assertEquals(1, events(contactId, "ContactDeflected", 1).size());
    }

    @Test
    void anUnknownContactIs404ForEveryCommand() {
        String missing = unique("C-missing");
        command(missing, "deflect", null).statusCode(404).contentType("application/problem+json");
        given().post("/contacts/{id}/abandon", missing).then().statusCode(404)
                .contentType("application/problem+json");
        command(missing, "survey", Map.of("score", 4)).statusCode(404).contentType("application/problem+json");
        assertTrue(store.findById(missing).isEmpty(), "nothing created");
    }

    @Test
    void aSurveyIsRecordedOnceAndPublished() {
        String customerId = unique("cust");
        String contactId = postAccepted(email(customerId));

        command(contactId, "survey", Map.of("score", 4, "comment", "quick and kind"))
                .statusCode(200)
                .body("survey.score", equalTo(4))
                .body("survey.comment", equalTo("quick and kind"))
                .body("survey.submittedAt", notNullValue())
                .body("status", equalTo("RECEIVED"));
        // the same score again: idempotent, the same event re-published
        command(contactId, "survey", Map.of("score", 4, "comment", "quick and kind")).statusCode(200)
                .body("survey.score", equalTo(4));
        // another score: refused, the first stands
        command(contactId, "survey", Map.of("score", 1)).statusCode(409).contentType("application/problem+json");
        given().get("/contacts/{id}", contactId).then().body("survey.score", equalTo(4));

        var records = events(contactId, "SurveySubmitted", 2);
        assertEquals(2, records.size(), "the first and its repeat, nothing for the refused one");
        assertEquals(records.get(0).value(), records.get(1).value());
        SurveySubmitted event = EventJson.read(records.get(0).value(), SurveySubmitted.class);
        assertEquals(4, event.score());
        assertEquals("quick and kind", event.comment());
        assertEquals(customerId, event.customerId());
        assertEquals("general", event.category());
    }

    @Test
    void aClosedContactCanStillBeRated() {
        String contactId = postAccepted(email(unique("cust")));
        command(contactId, "deflect", null).statusCode(200);
        command(contactId, "survey", Map.of("score", 5)).statusCode(200)
                .body("status", equalTo("DEFLECTED"))
                .body("survey.score", equalTo(5))
                .body("survey.comment", nullValue());
        assertEquals(1, events(contactId, "SurveySubmitted", 1).size());
    }

    static Stream<Arguments> invalidSurveys() {
        return Stream.of(
                Arguments.of("score 0", Map.of("score", 0), "score"),
                Arguments.of("score 6", Map.of("score", 6), "score"),
                Arguments.of("missing score", Map.of("comment", "hm"), "score"),
                Arguments.of("score not a number", Map.of("score", "five"), "score"),
                Arguments.of("comment too long", Map.of("score", 3, "comment", "x".repeat(2001)), "comment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSurveys")
    void anInvalidSurveyIs400NamingTheFieldAndRecordsNothing(String name, Map<String, Object> body, String field) {
        String contactId = postAccepted(email(unique("cust")));
        command(contactId, "survey", body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        assertNull(store.findById(contactId).orElseThrow().survey(), "nothing recorded");
        assertTrue(events(contactId, "SurveySubmitted", 1, SHORT).isEmpty(), "nothing published");
    }

    @Test
    void aSurveyWithoutBodyIs400() {
        String contactId = postAccepted(email(unique("cust")));
        given().contentType(ContentType.JSON).post("/contacts/{id}/survey", contactId).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("body"));
    }

    @Test
    void aDeflectBodyThatIsNotJsonIs415AndMalformedJsonIs400() {
        String contactId = postAccepted(email(unique("cust")));
        given().contentType(ContentType.TEXT).body("articleId=kb-1").post("/contacts/{id}/deflect", contactId)
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"articleId\": ").post("/contacts/{id}/deflect", contactId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("body"));
        given().contentType(ContentType.JSON).body("{\"articleId\": 7}").post("/contacts/{id}/deflect", contactId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("articleId"));
        given().get("/contacts/{id}", contactId).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void aTooLongArticleIdIs400AndTheContactStaysOpen() {
        String contactId = postAccepted(email(unique("cust")));
        command(contactId, "deflect", Map.of("articleId", "x".repeat(201)))
                .statusCode(400)
                .body("violations.field", hasItem("articleId"));
        given().get("/contacts/{id}", contactId).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void aPendingClosureEventIsRepublishedWithItsIdAndAPublishedOneIsNot() {
        String contactId = postAccepted(email(unique("cust")));
        // A deflection recorded whose event never reached the broker (intake stopped before publishing it).
        // (One that did reach it, its marker put back, is only marked published: RepublishTest.)
        var closure = new io.tierline.intake.Closure(io.tierline.events.EventIds.derive(contactId, "deflected"),
                Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null);
        assertTrue(store.close(contactId, io.tierline.intake.ContactStatus.DEFLECTED, closure).isPresent());
        String eventId = closure.eventId();
        assertFalse(store.findById(contactId).orElseThrow().pendingEvents().isEmpty());

        assertTrue(republisher.republishStale() >= 1);

        var records = events(contactId, "ContactDeflected", 1);
        assertEquals(1, records.size());
        assertEquals(eventId, KafkaProbe.header(records.get(0), CloudEventHeaders.ID));
        assertEquals(eventId, EventJson.read(records.get(0).value(), ContactDeflected.class).eventId());
        assertTrue(store.findById(contactId).orElseThrow().pendingEvents().isEmpty(), "marked published");

        republisher.republishStale();
        assertEquals(1, events(contactId, "ContactDeflected", 2, SHORT).size(), "not published a second time");
    }

    @Inject
    io.tierline.intake.messaging.PendingContactRepublisher republisher;

    private static ValidatableResponse command(String contactId, String command, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/contacts/{id}/" + command, contactId).then();
    }

    private List<ConsumerRecord<String, String>> events(String contactId, String type, int count) {
        return events(contactId, type, count, WAIT);
    }

    private List<ConsumerRecord<String, String>> events(String contactId, String type, int count, Duration wait) {
        return probe.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key())
                && ("io.tierline." + type).equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), count, wait);
    }

}
