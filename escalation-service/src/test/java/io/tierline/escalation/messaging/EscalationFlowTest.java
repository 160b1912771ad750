package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.accepted;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.awaitConsumed;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.queued;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.resolved;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.sendRaw;
import static io.tierline.escalation.TestEvents.settle;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.CustomerNotified;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.NotificationKind;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class EscalationFlowTest {

    @Test
    void anUnresolvedTierOneContactOpensACaseWithTheTiersNotes() {
        String contactId = unique("c");
        String customerId = unique("cust");
        ContactUnresolved in = unresolved(contactId, customer(customerId, Segment.STANDARD), 1, "l1-en", null, 0,
                Priority.NORMAL);
        send(Topics.CONTACTS_UNRESOLVED, in);

        List<ConsumerRecord<String, String>> escalatedRecords = await(Topics.CONTACTS_ESCALATED, contactId, 1);
        assertEquals(1, escalatedRecords.size());
        ContactEscalated out = EventJson.read(escalatedRecords.get(0).value(), ContactEscalated.class);
        assertEquals(EventIds.derive(in.eventId(), "escalated"), out.eventId());
        assertEquals(out.eventId(), KafkaProbe.header(escalatedRecords.get(0), CloudEventHeaders.ID));
        assertEquals("io.tierline.ContactEscalated", KafkaProbe.header(escalatedRecords.get(0), CloudEventHeaders.TYPE));
        assertEquals("/tierline/escalation", KafkaProbe.header(escalatedRecords.get(0), CloudEventHeaders.SOURCE));
        assertEquals(1, out.fromTier());
        assertEquals(2, out.toTier());
        assertEquals("l2-general", out.queueId());
        assertEquals(Priority.NORMAL, out.priority());
        assertEquals(1, out.escalations());
        assertEquals("1", out.policyVersion());
        assertEquals("next-tier", out.ruleId());
        assertEquals(UnresolvedReason.AGENT_ESCALATED, out.reason());
        assertEquals(customerId, out.customer().id());
        assertEquals("billing", out.category());
        assertTrue(out.caseNumber().matches("TL-\\d{4}-\\d{6}"), out.caseNumber());

        List<CustomerNotified> notices = read(await(Topics.CUSTOMERS_NOTIFICATIONS, contactId, 1),
                CustomerNotified.class);
        assertEquals(1, notices.size());
        CustomerNotified notice = notices.get(0);
        assertEquals(NotificationKind.ESCALATED, notice.kind());
        assertEquals(out.caseId(), notice.caseId());
        assertEquals(customerId, notice.customerId());
        assertEquals(out.occurredAt().plus(Duration.ofMinutes(30)), notice.expectedResponseBy());

        JsonPath c = asAdmin().get("/cases/" + out.caseId()).then().statusCode(200).extract().jsonPath();
        assertEquals(out.caseNumber(), c.getString("caseNumber"));
        assertEquals("OPEN", c.getString("status"));
        assertEquals(2, c.getInt("tier"));
        assertEquals("l2-general", c.getString("queueId"));
        assertEquals(contactId, c.getString("contactId"));
        assertEquals(1, c.getList("history").size());
        assertEquals("ESCALATED", c.getString("history[0].kind"));
        assertEquals(in.eventId(), c.getString("history[0].eventId"));
        assertEquals(in.notes(), c.getString("history[0].notes"));
        assertEquals("PENDING", c.getString("history[0].diagnostics.'gateway.status'"));
        assertEquals("ok", c.getString("history[0].diagnostics.'$ledger'"));
        assertEquals("agent-t1", c.getString("history[0].agentId"));
        assertEquals("l2-general", c.getString("history[0].queueId"));
        assertEquals(1, c.getInt("history[0].fromTier"));
        assertEquals(2, c.getInt("history[0].toTier"));
        assertEquals(240_000L, c.getLong("history[0].talkMillis"));
        assertEquals(15_000L, c.getLong("history[0].holdMillis"));
        assertEquals(in.acceptedAt(), Instant.parse(c.getString("history[0].acceptedAt")));
        assertEquals(in.occurredAt(), Instant.parse(c.getString("history[0].at")));
        assertEquals("1", c.getString("history[0].policyVersion"));
        assertEquals("next-tier", c.getString("history[0].ruleId"));
        // the case number finds the same case
        asAdmin().get("/cases/" + out.caseNumber()).then().statusCode(200).body("caseId", equalTo(out.caseId()));
    }

    @Test
    void theSameRecordRedeliveredChangesNothingAndRepublishesTheSameEvents() {
        String contactId = unique("c");
        String customerId = unique("cust");
        ContactUnresolved in = unresolved(contactId, customer(customerId, Segment.VIP), 1, "l1-en", null, 0,
                Priority.LOW);
        String json = EventJson.write(in);
        sendRaw(Topics.CONTACTS_UNRESOLVED, contactId, json);
        ContactEscalated first = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0);
        assertEquals(Priority.HIGH, first.priority(), "a VIP contact is at least HIGH");

        sendRaw(Topics.CONTACTS_UNRESOLVED, contactId, json);

        List<ContactEscalated> escalated = read(await(Topics.CONTACTS_ESCALATED, contactId, 2), ContactEscalated.class);
        assertEquals(2, escalated.size(), "re-published once on redelivery");
        assertEquals(escalated.get(0), escalated.get(1), "the re-published event is the same event");
        List<CustomerNotified> notices = read(await(Topics.CUSTOMERS_NOTIFICATIONS, contactId, 2),
                CustomerNotified.class);
        assertEquals(2, notices.size());
        assertEquals(notices.get(0), notices.get(1));

        asAdmin().queryParam("customerId", customerId).get("/cases").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].caseId", equalTo(first.caseId()));
        asAdmin().get("/cases/" + first.caseId()).then().statusCode(200)
                .body("history", hasSize(1)).body("escalations", equalTo(1));
    }

    @Test
    void laterEscalationsAppendToTheSameCaseUpToTheTopTier() {
        String contactId = unique("c");
        String customerId = unique("cust");
        var customer = customer(customerId, Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        ContactEscalated toTier2 = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0);

        // routing did not carry the caseId: the contact's open case is found anyway
        ContactUnresolved fromTier2 = unresolved(contactId, customer, 2, "l2-general", null, 1, Priority.NORMAL);
        send(Topics.CONTACTS_UNRESOLVED, fromTier2);
        ContactEscalated toTier3 = read(await(Topics.CONTACTS_ESCALATED, contactId, 2), ContactEscalated.class).get(1);
        assertEquals(toTier2.caseId(), toTier3.caseId());
        assertEquals(toTier2.caseNumber(), toTier3.caseNumber());
        assertEquals(2, toTier3.fromTier());
        assertEquals(3, toTier3.toTier());
        assertEquals("l3-engineering", toTier3.queueId());
        assertEquals(2, toTier3.escalations());
        assertEquals("next-tier", toTier3.ruleId());
        CustomerNotified notice = read(await(Topics.CUSTOMERS_NOTIFICATIONS, contactId, 2), CustomerNotified.class)
                .get(1);
        assertEquals(toTier3.occurredAt().plus(Duration.ofHours(4)), notice.expectedResponseBy());

        send(Topics.CONTACTS_UNRESOLVED,
                unresolved(contactId, customer, 3, "l3-engineering", toTier2.caseId(), 2, Priority.NORMAL));
        ContactEscalated requeued = read(await(Topics.CONTACTS_ESCALATED, contactId, 3), ContactEscalated.class).get(2);
        assertEquals(3, requeued.toTier());
        assertEquals(Priority.HIGH, requeued.priority());
        assertEquals("top-tier-requeue", requeued.ruleId());
        assertEquals(toTier2.caseId(), requeued.caseId());

        asAdmin().queryParam("customerId", customerId).get("/cases").then().body("$", hasSize(1));
        asAdmin().get("/cases/" + toTier2.caseId()).then().statusCode(200)
                .body("tier", equalTo(3)).body("priority", equalTo("HIGH")).body("escalations", equalTo(3))
                .body("history.kind", contains("ESCALATED", "ESCALATED", "ESCALATED"))
                .body("history.fromTier", contains(1, 2, 3))
                .body("history.toTier", contains(2, 3, 3))
                .body("history[1].eventId", equalTo(fromTier2.eventId()))
                .body("history[1].notes", equalTo(fromTier2.notes()));
    }

    @Test
    void anAcceptanceInTheEscalatedTierIsRecordedAndEverythingElseOnTheTopicIsIgnored() {
        String contactId = unique("c");
        String customerId = unique("cust");
        ContactUnresolved in = unresolved(contactId, customer(customerId, Segment.STANDARD), 1, "l1-en", null, 0,
                Priority.NORMAL);
        send(Topics.CONTACTS_UNRESOLVED, in);
        String caseId = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0).caseId();

        send(Topics.CONTACTS_ASSIGNMENTS, queued(contactId, 2));
        // the tier-1 acceptance of before the escalation, arriving late, is not a specialist
        send(Topics.CONTACTS_ASSIGNMENTS, accepted(contactId, "agent-l1", 1, in.occurredAt().minusSeconds(60)));
        var l2Accept = accepted(contactId, "agent-l2", 2, Instant.now());
        send(Topics.CONTACTS_ASSIGNMENTS, l2Accept);
        send(Topics.CONTACTS_ASSIGNMENTS, l2Accept);

        List<CustomerNotified> notices = read(await(Topics.CUSTOMERS_NOTIFICATIONS, contactId, 3),
                CustomerNotified.class);
        assertEquals(3, notices.size(), "escalated, with specialist, and its re-publication");
        assertEquals(NotificationKind.WITH_SPECIALIST, notices.get(1).kind());
        assertEquals(notices.get(1), notices.get(2));
        assertEquals(caseId, notices.get(1).caseId());

        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("history.kind", contains("ESCALATED", "ASSIGNED"))
                .body("history[1].agentId", equalTo("agent-l2"))
                .body("history[1].tier", equalTo(2))
                .body("pickupDueAt", equalTo(null));
        awaitConsumed(Topics.CONTACTS_ASSIGNMENTS);
        assertTrue(settle(Topics.dlq("escalation"), contactId).isEmpty(), "valid records are not dead letters");
    }

    @Test
    void aResolveClosesTheCaseOnce() {
        String contactId = unique("c");
        String customerId = unique("cust");
        send(Topics.CONTACTS_UNRESOLVED,
                unresolved(contactId, customer(customerId, Segment.STANDARD), 1, "l1-en", null, 0, Priority.NORMAL));
        String caseId = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0).caseId();

        var resolve = resolved(contactId, customerId, 2, caseId);
        send(Topics.CONTACTS_RESOLVED, resolve);
        send(Topics.CONTACTS_RESOLVED, resolve);

        List<CustomerNotified> notices = read(await(Topics.CUSTOMERS_NOTIFICATIONS, contactId, 3),
                CustomerNotified.class);
        assertEquals(3, notices.size());
        assertEquals(NotificationKind.RESOLVED, notices.get(1).kind());
        assertEquals(notices.get(1), notices.get(2));
        assertEquals(EventIds.derive(resolve.eventId(), "notified"), notices.get(1).eventId());

        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("closedAt", notNullValue())
                .body("history.kind", contains("ESCALATED", "RESOLVED"))
                .body("history[1].agentId", equalTo("agent-t2"))
                .body("history[1].tier", equalTo(2))
                .body("history[1].resolutionCode", equalTo("REFUND_ISSUED"))
                .body("history[1].notes", equalTo(resolve.notes()));

        // a new escalation of the contact after the close reopens its case (a contact belongs to one case), and
        // its earlier round is not a loop: the same move is made again
        send(Topics.CONTACTS_UNRESOLVED,
                unresolved(contactId, customer(customerId, Segment.STANDARD), 1, "l1-en", null, 0, Priority.NORMAL));
        ContactEscalated again = read(await(Topics.CONTACTS_ESCALATED, contactId, 2), ContactEscalated.class).get(1);
        assertEquals(caseId, again.caseId());
        assertEquals(2, again.toTier());
        asAdmin().queryParam("customerId", customerId).get("/cases").then()
                .body("status", contains("OPEN"))
                .body("caseId", contains(caseId))
                .body("caseNumber[0]", matchesPattern("TL-\\d{4}-\\d{6}"));
        asAdmin().get("/cases/" + caseId).then().statusCode(200)
                .body("closedAt", nullValue())
                .body("history.kind", contains("ESCALATED", "RESOLVED", "ESCALATED"))
                .body("history[2].toTier", equalTo(2));
    }

    @Test
    void aResolveOfAContactWithoutACaseChangesNothing() {
        String contactId = unique("c");
        String customerId = unique("cust");
        send(Topics.CONTACTS_RESOLVED, resolved(contactId, customerId, 1, null));
        awaitConsumed(Topics.CONTACTS_RESOLVED);

        assertTrue(settle(Topics.CUSTOMERS_NOTIFICATIONS, contactId).isEmpty());
        assertTrue(settle(Topics.dlq("escalation"), contactId).isEmpty());
        asAdmin().queryParam("customerId", customerId).get("/cases").then().statusCode(200).body("$", hasSize(0));
    }
}
