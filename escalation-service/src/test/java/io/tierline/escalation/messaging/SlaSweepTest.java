package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.accepted;
import static io.tierline.escalation.TestEvents.awaitType;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.settleType;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.escalation.PolicyProfile;
import io.tierline.escalation.policy.TestPolicies;
import io.tierline.events.CaseSlaBreached;
import io.tierline.events.ContactEscalated;
import io.tierline.events.CustomerNotified;
import io.tierline.events.EventIds;
import io.tierline.events.NotificationKind;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tier pick-up SLA timers on the real store and broker, with a policy of short pick-up targets. */
@QuarkusTest
@TestProfile(PolicyProfile.class)
@QuarkusTestResource(TierlineTestInfra.class)
class SlaSweepTest {

    private static final Duration PICKUP = Duration.ofSeconds(4);

    @Inject
    SlaSweeper sweeper;

    @BeforeEach
    void shortPickupTargets() {
        pickupTargets(PICKUP);
    }

    private static void pickupTargets(Duration pickup) {
        ObjectNode doc = TestPolicies.document();
        for (var tier : doc.withArray("tiers")) {
            ((ObjectNode) tier).put("pickupTarget", pickup.toString());
        }
        TestPolicies.put(doc.toString()).then().statusCode(200);
    }

    @Test
    void aCaseNotPickedUpInTimeIsRaisedOncePerPickupCycle() {
        String contactId = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-general", null, 0, Priority.NORMAL));
        ContactEscalated escalated = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        Instant due = Instant.parse(asAdmin().get("/cases/" + escalated.caseId()).then().statusCode(200)
                .extract().path("pickupDueAt"));

        // the scheduled sweep finds it
        List<CaseSlaBreached> breaches = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, CaseSlaBreached.class, 1),
                CaseSlaBreached.class);
        assertEquals(1, breaches.size());
        CaseSlaBreached breach = breaches.get(0);
        assertEquals(escalated.caseId(), breach.caseId());
        assertEquals(escalated.caseNumber(), breach.caseNumber());
        assertEquals(2, breach.tier());
        assertEquals("l2-general", breach.queueId());
        assertEquals(Priority.HIGH, breach.priority());
        assertEquals(due, breach.pickupDueAt());
        assertTrue(!breach.occurredAt().isBefore(due));

        // more sweeps, also two at once as two instances would, change nothing
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(sweeper::sweep);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(sweeper::sweep);
        one.join();
        two.join();
        sweeper.sweep();
        assertEquals(1, settleType(Topics.CONTACTS_ESCALATED, contactId, CaseSlaBreached.class).size());
        List<CustomerNotified> notices = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, contactId,
                CustomerNotified.class, 2), CustomerNotified.class);
        assertEquals(2, notices.size());
        assertEquals(NotificationKind.DELAYED, notices.get(1).kind());
        assertTrue(notices.get(1).message().contains("longer than we expected"), notices.get(1).message());
        assertEquals(EventIds.derive(EventIds.derive(escalated.caseId(), "sla-breach", due.toEpochMilli()), "notified"),
                notices.get(1).eventId());
        assertEquals(breach.occurredAt().plus(PICKUP), notices.get(1).expectedResponseBy(),
                "the new due time: the breach plus the tier's pick-up target");
        asAdmin().get("/cases/" + escalated.caseId()).then().statusCode(200)
                .body("priority", equalTo("HIGH"))
                .body("history.kind", contains("ESCALATED", "SLA_BREACHED"))
                .body("history[1].tier", equalTo(2))
                .body("history[1].priority", equalTo("HIGH"))
                .body("history[1].pickupDueAt", equalTo(due.toString()))
                .body("history[1].expectedResponseBy", equalTo(notices.get(1).expectedResponseBy().toString()));

        asAdmin().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("tierline_escalation_sla_breaches_total{tier=\"2\"}"));

        // a new escalation starts a new pick-up cycle, which can breach once again
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 2, "l2-general", escalated.caseId(), 1,
                Priority.HIGH));
        read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 2), ContactEscalated.class);
        List<CaseSlaBreached> both = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, CaseSlaBreached.class, 2),
                CaseSlaBreached.class);
        assertEquals(2, both.size());
        assertEquals(3, both.get(1).tier());
        assertEquals(Priority.URGENT, both.get(1).priority());
        asAdmin().get("/cases/" + escalated.caseId()).then().statusCode(200)
                .body("history.kind", contains("ESCALATED", "SLA_BREACHED", "ESCALATED", "SLA_BREACHED"));
    }

    @Test
    void aPickUpInTheTierStopsTheTimer() {
        // long enough for the acceptance to be consumed before the pick-up is due, even on a busy machine
        Duration pickup = Duration.ofSeconds(10);
        pickupTargets(pickup);
        String contactId = unique("c");
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 1,
                "l1-general", null, 0, Priority.NORMAL));
        ContactEscalated escalated = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        send(Topics.CONTACTS_ASSIGNMENTS, accepted(contactId, "agent-l2", 2, Instant.now()));
        List<CustomerNotified> notices = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, contactId,
                CustomerNotified.class, 2), CustomerNotified.class);
        assertEquals(NotificationKind.WITH_SPECIALIST, notices.get(1).kind());
        Instant due = escalated.occurredAt().plus(pickup);
        assertTrue(Instant.now().isBefore(due), "the acceptance was consumed before the pick-up was due");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(due.plusSeconds(2)));
        sweeper.sweep();

        assertTrue(settleType(Topics.CONTACTS_ESCALATED, contactId, CaseSlaBreached.class).isEmpty());
        asAdmin().get("/cases/" + escalated.caseId()).then().statusCode(200)
                .body("priority", equalTo("NORMAL"))
                .body("history.kind", contains("ESCALATED", "ASSIGNED"));
    }
}
