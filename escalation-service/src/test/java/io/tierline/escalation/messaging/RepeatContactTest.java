package io.tierline.escalation.messaging;

import static io.restassured.RestAssured.given;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.awaitConsumed;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.received;
import static io.tierline.escalation.TestEvents.resolved;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.settle;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactReceived;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RepeatContactTest {

    @Test
    void aRepeatContactAttachesToTheOpenCaseThenReopensTheClosedOne() {
        String first = unique("c");
        String customerId = unique("cust");
        var customer = customer(customerId, Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(first, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        String caseId = read(await(Topics.CONTACTS_ESCALATED, first, 1), ContactEscalated.class).get(0).caseId();

        // while the case is open; delivered twice, attached once
        String second = unique("c");
        ContactReceived again = received(second, customer, "billing", Instant.now());
        send(Topics.CONTACTS_RECEIVED, again);
        send(Topics.CONTACTS_RECEIVED, again);
        // another category and another customer are not repeats; other contact events are ignored
        send(Topics.CONTACTS_RECEIVED, received(unique("c"), customer, "shipping", Instant.now()));
        send(Topics.CONTACTS_RECEIVED, received(unique("c"), customer(unique("cust"), Segment.STANDARD), "billing",
                Instant.now()));
        send(Topics.CONTACTS_RECEIVED, new ContactAbandoned(EventIds.random(), second, Instant.now(), customerId,
                Channel.EMAIL, "billing", Instant.now()));
        awaitConsumed(Topics.CONTACTS_RECEIVED);
        given().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("contactIds", contains(first, second))
                .body("history.kind", contains("ESCALATED", "REPEAT_CONTACT"))
                .body("history[1].contactId", equalTo(second))
                .body("history[1].eventId", equalTo(again.eventId()))
                .body("history[1].channel", equalTo("EMAIL"))
                .body("history[1].reopened", equalTo(false));
        given().queryParam("customerId", customerId).get("/cases").then().body("caseId", contains(caseId));

        // closed, then the customer comes back within the repeat window: reopened
        send(Topics.CONTACTS_RESOLVED, resolved(first, customerId, 2, caseId));
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "RESOLVED".equals(
                given().get("/cases/" + caseId).then().extract().path("status")));
        String third = unique("c");
        send(Topics.CONTACTS_RECEIVED, received(third, customer, "billing", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "OPEN".equals(
                given().get("/cases/" + caseId).then().extract().path("status")));
        given().get("/cases/" + caseId).then().statusCode(200)
                .body("closedAt", nullValue())
                .body("contactIds", containsInAnyOrder(first, second, third))
                .body("history.kind", contains("ESCALATED", "REPEAT_CONTACT", "RESOLVED", "REPEAT_CONTACT"))
                .body("history[3].reopened", equalTo(true));

        // the repeat contact's own escalation lands in the same case
        send(Topics.CONTACTS_UNRESOLVED, unresolved(third, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        assertEquals(caseId, read(await(Topics.CONTACTS_ESCALATED, third, 1), ContactEscalated.class).get(0).caseId());
        assertTrue(settle(Topics.dlq("escalation"), second).isEmpty(), "ignored types are not dead letters");
    }

    @Test
    void aContactLongerThanTheRepeatWindowAfterTheCloseIsNotARepeat() {
        String first = unique("c");
        String customerId = unique("cust");
        var customer = customer(customerId, Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(first, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        String caseId = read(await(Topics.CONTACTS_ESCALATED, first, 1), ContactEscalated.class).get(0).caseId();
        send(Topics.CONTACTS_RESOLVED, resolved(first, customerId, 2, caseId));
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "RESOLVED".equals(
                given().get("/cases/" + caseId).then().extract().path("status")));

        // eight days after the close (the window is seven)
        send(Topics.CONTACTS_RECEIVED, received(unique("c"), customer, "billing", Instant.now().plus(Duration.ofDays(8))));
        awaitConsumed(Topics.CONTACTS_RECEIVED);

        given().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("history.kind", contains("ESCALATED", "RESOLVED"));
    }
}
