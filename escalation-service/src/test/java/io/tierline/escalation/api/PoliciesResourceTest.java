package io.tierline.escalation.api;

import static io.restassured.RestAssured.given;
import static io.tierline.escalation.TestEvents.awaitType;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.escalation.PolicyProfile;
import io.tierline.escalation.policy.TestPolicies;
import io.tierline.events.Channel;
import io.tierline.events.ContactEscalated;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PolicyProfile.class)
@QuarkusTestResource(TierlineTestInfra.class)
class PoliciesResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aValidPolicyBecomesTheNextVersionAndTheOldOneStaysReadable() {
        int before = given().get("/policies").then().statusCode(200).extract().path("version");

        int version = put(TestPolicies.document().toString()).then().statusCode(200)
                .body("rules.id", hasItem("vip-fast-track"))
                .extract().path("version");

        assertEquals(before + 1, version);
        given().get("/policies").then().statusCode(200)
                .body("version", equalTo(version))
                .body("tiers.tier", contains(1, 2, 3))
                .body("tiers[1].queues", contains("l2-general", "l2-billing", "l2-vip", "l2-supervisors"))
                .body("rules[3].id", equalTo("l2-breach-back-to-l1"))
                .body("rules[3].deEscalate", equalTo(true))
                .body("rules[3].target.tier", equalTo(1))
                .body("rules[8].target.tier", equalTo("next"));
        given().get("/policies/" + before).then().statusCode(200).body("version", equalTo(before));
        given().get("/policies/" + (version + 1)).then().statusCode(404).contentType(PROBLEM);
        given().get("/policies/latest").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anInvalidPolicyIsRejectedNamingTheRuleAndTheOldOneStaysInEffect() {
        put(TestPolicies.document().toString()).then().statusCode(200);
        var active = given().get("/policies").then().statusCode(200).extract().jsonPath();
        int version = active.getInt("version");

        var doc = TestPolicies.document();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/rules/2/target")).put("tier", 4);
        put(doc.toString()).then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("rules[2].target.tier"));
        var deEscalating = TestPolicies.document();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deEscalating.at("/rules/3")).remove("deEscalate");
        put(deEscalating.toString()).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("rules[3].deEscalate"));
        put("{\"rules\": ").then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("body"));
        put("[]").then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("body"));

        given().get("/policies").then().statusCode(200)
                .body("version", equalTo(version))
                .body("rules.id", equalTo(active.getList("rules.id")));
        given().get("/policies/" + (version + 1)).then().statusCode(404);

        // decisions keep using the policy in effect
        String contactId = unique("c");
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer(unique("cust"), Segment.VIP), 1, "l1-general",
                0, Priority.NORMAL, UnresolvedReason.AGENT_ESCALATED, Channel.CHAT, "billing", null, Map.of()));
        ContactEscalated out = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        assertEquals(String.valueOf(version), out.policyVersion());
        assertEquals("vip-fast-track", out.ruleId());
        assertEquals("l2-vip", out.queueId());
        assertEquals(Priority.HIGH, out.priority());
        given().get("/cases/" + out.caseId()).then().statusCode(200)
                .body("history[0].policyVersion", equalTo(String.valueOf(version)))
                .body("history[0].ruleId", equalTo("vip-fast-track"));
    }

    @Test
    void everyDecisionFollowsTheActivePolicyAndADeEscalationThenTheSameMoveAgainIsAFlaggedLoop() {
        int version = put(TestPolicies.document().toString()).then().statusCode(200).extract().path("version");
        String contactId = unique("c");
        var customer = customer(unique("cust"), Segment.STANDARD);

        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-general", 0, Priority.NORMAL,
                UnresolvedReason.AGENT_ESCALATED, Channel.CHAT, "tech", null, Map.of()));
        ContactEscalated up = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        assertEquals("next-tier", up.ruleId());
        assertEquals(2, up.toTier());
        assertEquals("l2-general", up.queueId());

        // it waited too long at tier 2: the policy sends it back to tier 1, explicitly
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 2, "l2-general", 1, Priority.NORMAL,
                UnresolvedReason.SLA_BREACH, Channel.CHAT, "tech", null, Map.of()));
        ContactEscalated down = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 2),
                ContactEscalated.class).get(1);
        assertEquals("l2-breach-back-to-l1", down.ruleId());
        assertEquals(2, down.fromTier());
        assertEquals(1, down.toTier());
        assertEquals("l1-callback", down.queueId());

        // tier 1 escalates again: the same move 1 -> 2 l2-general would loop
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-callback", 2, Priority.NORMAL,
                UnresolvedReason.AGENT_ESCALATED, Channel.CHAT, "tech", null, Map.of()));
        ContactEscalated held = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 3),
                ContactEscalated.class).get(2);
        assertEquals(1, held.fromTier());
        assertEquals(1, held.toTier(), "not looped to tier 2 again");
        assertEquals("l1-callback", held.queueId());
        assertEquals(Priority.HIGH, held.priority(), "stays with a priority boost");
        assertEquals("next-tier", held.ruleId());
        assertEquals(String.valueOf(version), held.policyVersion());

        given().get("/cases/" + up.caseId()).then().statusCode(200)
                .body("loopDetected", equalTo(true))
                .body("tier", equalTo(1))
                .body("priority", equalTo("HIGH"))
                .body("history.kind", contains("ESCALATED", "ESCALATED", "ESCALATED"))
                .body("history.ruleId", contains("next-tier", "l2-breach-back-to-l1", "next-tier"))
                .body("history[0].loopDetected", equalTo(null))
                .body("history[2].loopDetected", equalTo(true))
                .body("history[2].preventedToTier", equalTo(2))
                .body("history[2].preventedQueueId", equalTo("l2-general"));
        assertTrue(up.caseId().equals(held.caseId()));
    }

    private static io.restassured.response.Response put(String body) {
        return given().contentType(ContentType.JSON).body(body).put("/policies");
    }
}
