package io.tierline.escalation.api;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.awaitType;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
    private static final String AUTHOR = "X-Tierline-Author";

    @Test
    void aValidPolicyBecomesTheNextVersionAndTheOldOneStaysReadable() {
        int before = asAdmin().get("/policies").then().statusCode(200).extract().path("version");

        int version = put(TestPolicies.document().toString()).then().statusCode(200)
                .body("rules.id", hasItem("vip-fast-track"))
                .body("author", equalTo(TestPolicies.AUTHOR))
                .extract().path("version");

        assertEquals(before + 1, version);
        asAdmin().get("/policies").then().statusCode(200)
                .body("version", equalTo(version))
                .body("tiers.tier", contains(1, 2, 3))
                .body("tiers[1].queues", contains("l2-general", "l2-billing", "l2-vip", "l2-supervisors"))
                .body("rules[3].id", equalTo("l2-breach-back-to-l1"))
                .body("rules[3].deEscalate", equalTo(true))
                .body("rules[3].target.tier", equalTo(1))
                .body("rules[8].target.tier", equalTo("next"));
        asAdmin().get("/policies/" + before).then().statusCode(200).body("version", equalTo(before));
        asAdmin().get("/policies/" + (version + 1)).then().statusCode(404).contentType(PROBLEM);
        asAdmin().get("/policies/latest").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anInvalidPolicyIsRejectedNamingTheRuleAndTheOldOneStaysInEffect() {
        put(TestPolicies.document().toString()).then().statusCode(200);
        var active = asAdmin().get("/policies").then().statusCode(200).extract().jsonPath();
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

        asAdmin().get("/policies").then().statusCode(200)
                .body("version", equalTo(version))
                .body("rules.id", equalTo(active.getList("rules.id")));
        asAdmin().get("/policies/" + (version + 1)).then().statusCode(404);

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
        asAdmin().get("/cases/" + out.caseId()).then().statusCode(200)
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

        asAdmin().get("/cases/" + up.caseId()).then().statusCode(200)
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

    @Test
    void aYamlPolicyIsStoredWithItsAuthorAndReasonAndServedAsYamlOrJson() throws Exception {
        String yaml = TestPolicies.text("policy/example-policy.yaml");
        int version = yaml("application/yaml", "ops.kim", yaml).header("X-Tierline-Change-Reason", "fraud goes straight to L3")
                .put("/policies")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("author", equalTo("ops.kim"))
                .body("changeReason", equalTo("fraud goes straight to L3"))
                .body("rules.id", hasItem("l3-to-engineering"))
                .extract().path("version");

        String served = asAdmin().accept("application/yaml").get("/policies/" + version).then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertTrue(served.lines().anyMatch(line -> line.startsWith("version: " + version)), "YAML, not JSON: " + served);
        JsonNode tree = new YAMLMapper().readTree(served);
        assertEquals(version, tree.get("version").intValue());
        assertEquals("ops.kim", tree.get("author").textValue());
        assertEquals("l3-fraud", tree.at("/rules/0/target/queueId").textValue());

        // a served version sent back is the next version with the same rules: that is how a rollback is done
        String rolledBack = yaml("text/yaml", "ops.lee", served).accept("text/yaml")
                .put("/policies").then().statusCode(200).contentType(startsWith("text/yaml"))
                .extract().asString();
        assertEquals(version + 1, new YAMLMapper().readTree(rolledBack).get("version").intValue());
        assertEquals(asAdmin().get("/policies/" + version).then().extract().jsonPath().getList("rules"),
                asAdmin().get("/policies").then().body("author", equalTo("ops.lee")).body("changeReason", nullValue())
                        .extract().jsonPath().getList("rules"));
        yaml("application/x-yaml", "ops.lee", served).accept("application/x-yaml")
                .put("/policies").then().statusCode(200).contentType(startsWith("application/x-yaml"));

        // JSON unless a YAML type is preferred
        asAdmin().accept("application/yaml;q=0.5, application/json").get("/policies").then()
                .contentType(ContentType.JSON);
        asAdmin().accept("text/*").get("/policies").then().contentType(startsWith("text/yaml"));
        asAdmin().get("/policies").then().contentType(ContentType.JSON);

        // the history of changes, newest first
        asAdmin().queryParam("limit", 3).get("/policies/versions").then().statusCode(200)
                .body("$", hasSize(3))
                .body("version", contains(version + 2, version + 1, version))
                .body("inEffect", contains(true, false, false))
                .body("author", contains("ops.lee", "ops.lee", "ops.kim"))
                .body("[2].changeReason", equalTo("fraud goes straight to L3"))
                .body("[2].rules", equalTo(9))
                .body("[2].description", startsWith("Fraud straight to L3"));
        String versions = asAdmin().accept("application/yaml").get("/policies/versions").then().statusCode(200)
                .extract().asString();
        assertTrue(versions.startsWith("- version: ") && new YAMLMapper().readTree(versions).isArray(), versions);
        asAdmin().queryParam("limit", 0).get("/policies/versions").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("limit"));
    }

    @Test
    void malformedOrUnsupportedBodiesAndAMissingAuthorAreRejectedAndNothingChanges() {
        int version = asAdmin().get("/policies").then().statusCode(200).extract().path("version");
        String json = TestPolicies.document().toString();

        yaml("application/yaml", "ops.kim", "tiers: [\n  - tier: 2\nrules: {").put("/policies").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("body"))
                .body("violations[0].message", containsString("YAML"));
        yaml("application/yaml", "ops.kim", "rules: []\nrules: []\n").put("/policies").then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("body"));
        asAdmin().contentType(ContentType.JSON).header(AUTHOR, "ops.kim").body(json + "}")
                .put("/policies").then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("body"));
        yaml("application/yaml", "ops.kim", "- just\n- a list\n").put("/policies").then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("body"));
        asAdmin().contentType("text/plain").header(AUTHOR, "ops.kim").body(json).put("/policies").then()
                .statusCode(415).contentType(PROBLEM);
        asAdmin().contentType(ContentType.JSON).body(json).put("/policies").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", contains(AUTHOR));
        asAdmin().contentType(ContentType.JSON).header(AUTHOR, "x".repeat(201)).body(json).put("/policies").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", contains(AUTHOR));
        asAdmin().accept("text/html").get("/policies").then().statusCode(406).contentType(PROBLEM);

        // a YAML document's rule shadowed by the earlier rules together is named like in JSON
        String shadowed = TestPolicies.text("policy/example-policy.yaml")
                + "  - id: catch-all\n    target: {tier: same}\n";
        yaml("application/yaml", "ops.kim", shadowed).put("/policies").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("rules[9].when"))
                .body("violations[0].message", containsString("rules[6] ('next-tier'), rules[8] ('top-tier-requeue')"
                        + " together"));

        asAdmin().get("/policies").then().statusCode(200).body("version", equalTo(version));
        asAdmin().get("/policies/" + (version + 1)).then().statusCode(404);
    }

    /** A request with a YAML body (as bytes: REST Assured encodes no YAML types itself). */
    private static io.restassured.specification.RequestSpecification yaml(String type, String author, String body) {
        return asAdmin().contentType(type).header(AUTHOR, author)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static io.restassured.response.Response put(String body) {
        return TestPolicies.put(body);
    }
}
