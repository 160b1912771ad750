package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.awaitType;
import static io.tierline.escalation.TestEvents.settleType;
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
import io.tierline.events.Customer;
import io.tierline.events.CustomerNotified;
import io.tierline.events.NotificationKind;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("contactIds", contains(first, second))
                .body("history.kind", contains("ESCALATED", "REPEAT_CONTACT"))
                .body("history[1].contactId", equalTo(second))
                .body("history[1].eventId", equalTo(again.eventId()))
                .body("history[1].channel", equalTo("EMAIL"))
                .body("history[1].reopened", equalTo(false));
        asAdmin().queryParam("customerId", customerId).get("/cases").then().body("caseId", contains(caseId));

        // closed, then the customer comes back within the repeat window: reopened
        send(Topics.CONTACTS_RESOLVED, resolved(first, customerId, 2, caseId));
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "RESOLVED".equals(
                asAdmin().get("/cases/" + caseId).then().extract().path("status")));
        String third = unique("c");
        ContactReceived reopening = received(third, customer, "billing", Instant.now());
        send(Topics.CONTACTS_RECEIVED, reopening);
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "OPEN".equals(
                asAdmin().get("/cases/" + caseId).then().extract().path("status")));
        CustomerNotified told = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, third, CustomerNotified.class, 1),
                CustomerNotified.class).get(0);
        assertEquals(NotificationKind.REOPENED, told.kind());
        assertEquals(caseId, told.caseId());
        assertEquals(customerId, told.customerId());
        assertEquals(EventIds.derive(reopening.eventId(), "notified"), told.eventId());
        assertTrue(settleType(Topics.CUSTOMERS_NOTIFICATIONS, second, CustomerNotified.class).isEmpty(),
                "attaching to an open case tells the customer nothing");
        // redelivered: attached once, the same notification re-published
        send(Topics.CONTACTS_RECEIVED, reopening);
        List<CustomerNotified> twice = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, third, CustomerNotified.class,
                2), CustomerNotified.class);
        assertEquals(told, twice.get(1));
        asAdmin().get("/cases/" + caseId).then().statusCode(200)
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
    void aContactIntakeMarksAsARepeatJoinsTheCaseOfTheContactItRepeatsWhateverItsCategory() {
        String first = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);
        String caseId = closedCase(first, customer);

        // classified differently this time (the case is "billing"), but intake says it repeats the first contact
        String again = unique("c");
        send(Topics.CONTACTS_RECEIVED, received(again, customer, "shipping", Instant.now(), first));
        // and one repeating a contact that has no case: nothing
        String other = unique("c");
        send(Topics.CONTACTS_RECEIVED, received(other, customer(unique("cust"), Segment.STANDARD), "shipping",
                Instant.now(), unique("c")));
        awaitConsumed(Topics.CONTACTS_RECEIVED);

        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("contactIds", contains(first, again))
                .body("history.kind", contains("ESCALATED", "RESOLVED", "REPEAT_CONTACT"))
                .body("history[2].reopened", equalTo(true));
        assertEquals(NotificationKind.REOPENED, read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, again,
                CustomerNotified.class, 1), CustomerNotified.class).get(0).kind());
        assertTrue(settleType(Topics.CUSTOMERS_NOTIFICATIONS, other, CustomerNotified.class).isEmpty());
    }

    @Test
    void aContactLongerThanTheRepeatWindowAfterTheCloseIsNotARepeat() {
        var customer = customer(unique("cust"), Segment.STANDARD);
        String caseId = closedCase(unique("c"), customer);

        // eight days after the close (the window is seven)
        send(Topics.CONTACTS_RECEIVED, received(unique("c"), customer, "billing", Instant.now().plus(Duration.ofDays(8))));
        awaitConsumed(Topics.CONTACTS_RECEIVED);

        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("history.kind", contains("ESCALATED", "RESOLVED"));
    }

    @Test
    void aRepeatContactAlreadySeenResolvedJoinsTheClosedCaseWithoutReopeningIt() {
        String first = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);
        String caseId = closedCase(first, customer);

        // handled and resolved at tier 1 before escalation consumed its arrival (two topics, consumed apart)
        String quick = unique("c");
        send(Topics.CONTACTS_RESOLVED, resolved(quick, customer.id(), 1, null));
        awaitConsumed(Topics.CONTACTS_RESOLVED);
        send(Topics.CONTACTS_RECEIVED, received(quick, customer, "billing", Instant.now(), first));
        awaitConsumed(Topics.CONTACTS_RECEIVED);

        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("contactIds", contains(first, quick))
                .body("history.kind", contains("ESCALATED", "RESOLVED", "REPEAT_CONTACT"))
                .body("history[2].reopened", equalTo(false));
        assertTrue(settleType(Topics.CUSTOMERS_NOTIFICATIONS, quick, CustomerNotified.class).isEmpty(),
                "the customer is not told of a reopening that did not happen");
    }

    @Test
    void aRepeatContactWhoseEscalationWasSeenFirstStaysInItsOwnCase() {
        String first = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);
        String caseId = closedCase(first, customer);

        // escalated (and resolved at L2) before escalation consumed its arrival: that opened a case of its own
        String late = unique("c");
        send(Topics.CONTACTS_UNRESOLVED, unresolved(late, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        String own = read(await(Topics.CONTACTS_ESCALATED, late, 1), ContactEscalated.class).get(0).caseId();
        send(Topics.CONTACTS_RECEIVED, received(late, customer, "billing", Instant.now(), first));
        awaitConsumed(Topics.CONTACTS_RECEIVED);

        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("contactIds", contains(first))
                .body("history.kind", contains("ESCALATED", "RESOLVED"));
        asAdmin().get("/cases/" + own).then().statusCode(200).body("contactIds", contains(late));
    }

        @Test
    void aRepeatContactEscalatedAfterAnotherContactClosedItsCaseReopensThatCase() {
        String first = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(first, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        String caseId = read(await(Topics.CONTACTS_ESCALATED, first, 1), ContactEscalated.class).get(0).caseId();
        // joins the open case; then the first contact's resolve at L2 closes it
        String second = unique("c");
        send(Topics.CONTACTS_RECEIVED, received(second, customer, "billing", Instant.now(), first));
        awaitConsumed(Topics.CONTACTS_RECEIVED);
        send(Topics.CONTACTS_RESOLVED, resolved(first, customer.id(), 2, caseId));
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "RESOLVED".equals(
                asAdmin().get("/cases/" + caseId).then().extract().path("status")));

        send(Topics.CONTACTS_UNRESOLVED, unresolved(second, customer, 1, "l1-en", null, 0, Priority.NORMAL));

        assertEquals(caseId, read(await(Topics.CONTACTS_ESCALATED, second, 1), ContactEscalated.class).get(0).caseId());
        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("closedAt", nullValue())
                .body("contactIds", contains(first, second))
                .body("history.kind", contains("ESCALATED", "REPEAT_CONTACT", "RESOLVED", "ESCALATED"));
    }

        /** Escalates a new contact of the customer (category billing), resolves it, and returns its closed case. */
    private static String closedCase(String contactId, Customer customer) {
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        String caseId = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0).caseId();
        send(Topics.CONTACTS_RESOLVED, resolved(contactId, customer.id(), 2, caseId));
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "RESOLVED".equals(
                asAdmin().get("/cases/" + caseId).then().extract().path("status")));
        return caseId;
    }
}
