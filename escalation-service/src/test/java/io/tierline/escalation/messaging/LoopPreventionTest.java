package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.ContactEscalated;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On the shipped policy: the same contact escalated the same way twice is flagged, not looped. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class LoopPreventionTest {

    @Test
    void theSameMoveTwiceIsFlaggedAndTheContactStaysWithAPriorityBoost() {
        String contactId = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        ContactEscalated first = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0);
        assertEquals(2, first.toTier());
        asAdmin().get("/cases/" + first.caseId()).then().body("loopDetected", equalTo(false));

        // tier 1 escalates the same contact again (a new event, not a redelivery)
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-en", first.caseId(), 1,
                Priority.NORMAL));
        List<ContactEscalated> escalated = read(await(Topics.CONTACTS_ESCALATED, contactId, 2), ContactEscalated.class);
        assertEquals(2, escalated.size());
        ContactEscalated held = escalated.get(1);
        assertEquals(1, held.fromTier());
        assertEquals(1, held.toTier());
        assertEquals("l1-en", held.queueId());
        assertEquals(Priority.HIGH, held.priority());
        assertEquals("1", held.policyVersion());
        assertEquals("next-tier", held.ruleId());

        asAdmin().get("/cases/" + first.caseId()).then().statusCode(200)
                .body("loopDetected", equalTo(true))
                .body("history.kind", contains("ESCALATED", "ESCALATED"))
                .body("history[1].loopDetected", equalTo(true))
                .body("history[1].preventedToTier", equalTo(2))
                .body("history[1].preventedQueueId", equalTo("l2-general"))
                .body("history[1].expectedResponseBy", equalTo(null))
                .body("pickupDueAt", equalTo(null));
        asAdmin().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "tierline_escalation_decisions_total{loop=\"true\",rule=\"next-tier\"}"));
    }
}
