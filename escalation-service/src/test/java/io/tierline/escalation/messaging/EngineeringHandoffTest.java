package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.awaitConsumed;
import static io.tierline.escalation.TestEvents.awaitType;
import static io.tierline.escalation.TestEvents.resolved;
import static io.tierline.escalation.TestEvents.settleType;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.escalation.EngineeringProfile;
import io.tierline.escalation.policy.TestPolicies;
import io.tierline.events.Channel;
import io.tierline.events.ContactEscalated;
import io.tierline.events.CustomerNotified;
import io.tierline.events.EventIds;
import io.tierline.events.NotificationKind;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Beyond the top tier: the hand-off to a real (test) webhook, its retries, its dead letter, and the answer. */
@QuarkusTest
@TestProfile(EngineeringProfile.class)
@QuarkusTestResource(TierlineTestInfra.class)
class EngineeringHandoffTest {

    @ConfigProperty(name = "webhook.test.base")
    String webhook;

    @ConfigProperty(name = "tierline.escalation.engineering.signing-secret")
    String signingSecret;

    @Inject
    MongoClient mongo;

    @BeforeEach
    void policyWithAnEngineeringRule() {
        ObjectNode doc = TestPolicies.document();
        ObjectNode rule = TestPolicies.MAPPER.createObjectNode().put("id", "l3-to-engineering");
        rule.putObject("when").<ObjectNode>set("tiers", TestPolicies.MAPPER.createArrayNode().add(3))
                .putObject("escalations").put("min", 2);
        rule.putObject("target").put("tier", "engineering");
        doc.withArray("rules").insert(9, rule);
        TestPolicies.put(doc.toString()).then().statusCode(200)
                .body("rules[9].target.tier", equalTo("engineering"));
    }

    @Test
    void aHandoffIsRetriedUntilEngineeringTakesItAndTheCaseStaysOpenUntilTheAnswer() throws Exception {
        String contactId = unique("c");
        var in = unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 3, "l3-engineering", 2,
                Priority.HIGH, UnresolvedReason.AGENT_ESCALATED, Channel.CHAT, "flaky", null,
                Map.of("stack", "NPE at Ledger.java:42"));
        send(Topics.CONTACTS_UNRESOLVED, in);
        ContactEscalated out = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        assertEquals("l3-to-engineering", out.ruleId());
        assertEquals(3, out.toTier());
        CustomerNotified notice = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, contactId, CustomerNotified.class, 1),
                CustomerNotified.class).get(0);
        assertTrue(notice.message().contains("engineering"), notice.message());

        String handoffId = EventIds.derive(in.eventId(), "engineering");
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "DELIVERED".equals(
                asAdmin().get("/cases/" + out.caseId()).then().extract().path("engineering.state")));
        String[] received = received(handoffId);
        assertEquals("3", received[0], "two failures, then delivered");
        assertEquals("sha256=" + hmacSha256Hex(signingSecret, received[1] + "." + received[3]), received[2],
                "signed with the shared secret over <timestamp>.<body>");
        JsonPath payload = JsonPath.from(received[3]);
        assertEquals(out.caseNumber(), payload.getString("caseNumber"));
        assertEquals(handoffId, payload.getString("handoffId"));
        assertEquals(contactId, payload.getString("contactId"));
        assertEquals("NPE at Ledger.java:42", payload.getString("history[0].diagnostics.stack"));
        asAdmin().get("/cases/" + out.caseId()).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("engineering.attempts", equalTo(3))
                .body("history.kind", contains("ESCALATED", "ENGINEERING_HANDOFF"))
                .body("history[1].attempts", equalTo(3))
                .body("history[1].handoffId", equalTo(handoffId));

        // an L3 agent resolves the contact meanwhile: recorded, but the case stays open until the answer
        var resolve = resolved(contactId, out.customer().id(), 3, out.caseId());
        send(Topics.CONTACTS_RESOLVED, resolve);
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> asAdmin().get("/cases/" + out.caseId()).then()
                .extract().<java.util.List<String>>path("history.kind").contains("RESOLVED"));
        asAdmin().get("/cases/" + out.caseId()).then().body("status", equalTo("OPEN"));
        awaitConsumed(Topics.CONTACTS_RESOLVED);
        List<CustomerNotified> told = read(settleType(Topics.CUSTOMERS_NOTIFICATIONS, contactId,
                CustomerNotified.class), CustomerNotified.class);
        assertEquals(List.of(NotificationKind.ESCALATED, NotificationKind.WITH_ENGINEERING),
                told.stream().map(CustomerNotified::kind).toList(),
                "told it is with engineering when delivered; no RESOLVED notification while engineering works on it");
        assertEquals(EventIds.derive(EventIds.derive(handoffId, "delivered"), "notified"), told.get(1).eventId());
        assertEquals(out.caseId(), told.get(1).caseId());

        // the answer
        asAdmin().contentType(ContentType.JSON).body(Map.of("author", "eng.kim")).post(
                "/cases/" + out.caseId() + "/engineering-answer").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("text"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "a", "author", "b"))
                .post("/cases/" + unique("nope") + "/engineering-answer").then().statusCode(404);
        String key = unique("k");
        String answerId = asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("text", "Fixed in ledger 4.2.1", "author", "eng.kim"))
                .post("/cases/" + out.caseNumber() + "/engineering-answer").then().statusCode(201)
                .body("kind", equalTo("ENGINEERING_ANSWER")).body("text", equalTo("Fixed in ledger 4.2.1"))
                .extract().path("eventId");
        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("text", "Fixed in ledger 4.2.1", "author", "eng.kim"))
                .post("/cases/" + out.caseId() + "/engineering-answer").then().statusCode(201)
                .body("eventId", equalTo(answerId));
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "again", "author", "eng.kim"))
                .post("/cases/" + out.caseId() + "/engineering-answer").then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().get("/cases/" + out.caseId()).then().statusCode(200)
                .body("engineering.state", equalTo("ANSWERED"))
                .body("status", equalTo("RESOLVED"))
                .body("history.kind", contains("ESCALATED", "ENGINEERING_HANDOFF", "RESOLVED", "ENGINEERING_ANSWER"));
        List<CustomerNotified> notices = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, contactId,
                CustomerNotified.class, 3), CustomerNotified.class);
        assertEquals(NotificationKind.RESOLVED, notices.get(2).kind());
        assertEquals(EventIds.derive(resolve.eventId(), "notified"), notices.get(2).eventId());
        assertTrue(notices.stream().skip(2).allMatch(n -> n.equals(notices.get(2))), "re-published, never another");
    }

    @Test
    void aHandoffThatKeepsFailingIsDeadLetteredAndRecordedOnTheCase() throws Exception {
        String contactId = unique("c");
        var in = unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 3, "l3-engineering", 4,
                Priority.NORMAL, UnresolvedReason.AGENT_ESCALATED, Channel.EMAIL, "always-fail", null, Map.of());
        send(Topics.CONTACTS_UNRESOLVED, in);
        ContactEscalated out = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        String handoffId = EventIds.derive(in.eventId(), "engineering");

        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> "FAILED".equals(
                asAdmin().get("/cases/" + out.caseId()).then().extract().path("engineering.state")));
        assertEquals("3", received(handoffId)[0]);
        asAdmin().get("/cases/" + out.caseId()).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("history.kind", contains("ESCALATED", "ENGINEERING_HANDOFF_FAILED"))
                .body("history[1].attempts", equalTo(3))
                .body("history[1].error", equalTo("HTTP 503"));
        Document dead = mongo.getDatabase("tierline-escalation-engineering-tests")
                .getCollection("engineering-dead-letters").find(new Document("_id", handoffId)).first();
        assertNotNull(dead);
        assertEquals(out.caseId(), dead.getString("caseId"));
        assertEquals(3, dead.getInteger("attempts"));
        assertEquals("HTTP 503", dead.getString("lastError"));
        assertTrue(dead.getString("payload").contains(out.caseNumber()));
        assertEquals(List.of(NotificationKind.ESCALATED), read(settleType(Topics.CUSTOMERS_NOTIFICATIONS, contactId,
                CustomerNotified.class), CustomerNotified.class).stream().map(CustomerNotified::kind).toList(),
                "not with engineering: it never got there");

        asAdmin().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "tierline_escalation_engineering_handoffs_total{outcome=\"dead-lettered\"}"));

        // engineering can still answer (e.g. after picking the dead letter up by hand)
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "Handled by phone", "author", "eng.lee"))
                .post("/cases/" + out.caseId() + "/engineering-answer").then().statusCode(201);
        asAdmin().get("/cases/" + out.caseId()).then().body("engineering.state", equalTo("ANSWERED"));
    }

    @Test
    void onlyTheRulesMatchTriggersAHandoff() {
        String contactId = unique("c");
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 3,
                "l3-engineering", 1, Priority.NORMAL, UnresolvedReason.AGENT_ESCALATED, Channel.CHAT, "tech", null,
                Map.of()));
        ContactEscalated out = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);
        assertEquals("top-tier-requeue", out.ruleId());
        asAdmin().get("/cases/" + out.caseId()).then().body("engineering", equalTo(null));
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "a", "author", "b"))
                .post("/cases/" + out.caseId() + "/engineering-answer").then().statusCode(409);
    }

    private String[] received(String key) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(webhook + "/received?key=" + key)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().split("\n", 4);
    }

    /** The receiver's side of the signature, written independently of the service's code. */
    private static String hmacSha256Hex(String secret, String message) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }
}
