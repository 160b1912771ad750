package io.tierline.escalation.api;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.resolved;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.ContactEscalated;
import io.tierline.events.Customer;
import io.tierline.events.CustomerNotified;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class CasesResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void listsCasesNewestFirstFilteredByStatusTierAndCustomer() {
        String customerId = unique("cust");
        Customer customer = customer(customerId, Segment.STANDARD);
        String resolvedAtTier2 = escalate(unique("a"), customer, 1, 1).caseId();
        send(Topics.CONTACTS_RESOLVED, resolved(contactOf(resolvedAtTier2), customerId, 2, resolvedAtTier2));
        await(Topics.CUSTOMERS_NOTIFICATIONS, contactOf(resolvedAtTier2), 2);
        String openAtTier3 = escalate(unique("b"), customer, 1, 2).caseId();
        String openAtTier2 = escalate(unique("c"), customer, 1, 1).caseId();

        asAdmin().queryParam("customerId", customerId).get("/cases").then().statusCode(200)
                .body("caseId", contains(openAtTier2, openAtTier3, resolvedAtTier2))
                .body("customerId", everyItem(equalTo(customerId)));
        asAdmin().queryParam("customerId", customerId).queryParam("status", "OPEN").get("/cases").then()
                .statusCode(200).body("caseId", contains(openAtTier2, openAtTier3));
        asAdmin().queryParam("customerId", customerId).queryParam("status", "RESOLVED").get("/cases").then()
                .statusCode(200).body("caseId", contains(resolvedAtTier2))
                .body("[0].closedAt", notNullValue());
        asAdmin().queryParam("customerId", customerId).queryParam("tier", 2).get("/cases").then()
                .statusCode(200).body("caseId", contains(openAtTier2, resolvedAtTier2));
        asAdmin().queryParam("customerId", customerId).queryParam("tier", 3).queryParam("status", "OPEN")
                .get("/cases").then().statusCode(200).body("caseId", contains(openAtTier3))
                .body("[0].queueId", equalTo("l3-engineering")).body("[0].escalations", equalTo(2));
        asAdmin().queryParam("customerId", customerId).queryParam("limit", 1).get("/cases").then()
                .statusCode(200).body("caseId", contains(openAtTier2));
        asAdmin().queryParam("status", "OPEN").queryParam("tier", 3).get("/cases").then().statusCode(200)
                .body("status", everyItem(equalTo("OPEN"))).body("tier", everyItem(equalTo(3)))
                .body("size()", lessThanOrEqualTo(100));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"status, CLOSED", "status, 1", "tier, 0", "tier, 4", "tier, two", "tier, 2.5", "limit, 0",
            "limit, 501"})
    void rejectsAnInvalidFilterNamingIt(String parameter, String value) {
        asAdmin().queryParam(parameter, value).get("/cases").then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(parameter));
    }

    @Test
    void namesEveryInvalidFilter() {
        asAdmin().queryParam("status", "closed").queryParam("tier", "9").get("/cases").then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("status", "tier"));
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        asAdmin().get("/cases/" + unique("nope")).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("title", notNullValue());
        asAdmin().contentType(ContentType.JSON).body(Map.of("author", "sam", "text", "hello"))
                .post("/cases/" + unique("nope") + "/notes").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void notesAreAppendedToTheHistory() {
        ContactEscalated escalated = escalate(unique("c"), customer(unique("cust"), Segment.STANDARD), 1, 1);

        asAdmin().contentType(ContentType.JSON).body(Map.of("author", "sam.supervisor", "text", "Called the bank"))
                .post("/cases/" + escalated.caseId() + "/notes").then().statusCode(201)
                .body("kind", equalTo("NOTE")).body("author", equalTo("sam.supervisor"))
                .body("text", equalTo("Called the bank")).body("eventId", notNullValue()).body("at", notNullValue());
        // by case number, too
        asAdmin().contentType(ContentType.JSON).body(Map.of("author", "lee", "text", "x".repeat(10_000)))
                .post("/cases/" + escalated.caseNumber() + "/notes").then().statusCode(201);

        asAdmin().get("/cases/" + escalated.caseId()).then().statusCode(200)
                .body("history.kind", contains("ESCALATED", "NOTE", "NOTE"))
                .body("history[1].author", equalTo("sam.supervisor"))
                .body("history[2].author", equalTo("lee"));
    }

    @Test
    void aNoteRepeatedWithTheSameIdempotencyKeyIsAddedOnce() {
        ContactEscalated escalated = escalate(unique("c"), customer(unique("cust"), Segment.STANDARD), 1, 1);
        String key = unique("key");
        String first = asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("author", "sam", "text", "once")).post("/cases/" + escalated.caseId() + "/notes")
                .then().statusCode(201).extract().path("eventId");
        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("author", "sam", "text", "once")).post("/cases/" + escalated.caseId() + "/notes")
                .then().statusCode(201).body("eventId", equalTo(first));

        asAdmin().get("/cases/" + escalated.caseId()).then().body("history.kind", contains("ESCALATED", "NOTE"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "author | {\"text\":\"hi\"}",
            "author | {\"author\":\"  \",\"text\":\"hi\"}",
            "text   | {\"author\":\"sam\"}",
            "text   | {\"author\":\"sam\",\"text\":\"\"}",
            "text   | {\"author\":\"sam\",\"text\":42.5e300}",
            "body   | {\"author\":\"sam\",",
    })
    void anInvalidNoteIsA400NamingTheField(String field, String json) {
        ContactEscalated escalated = escalate(unique("c"), customer(unique("cust"), Segment.STANDARD), 1, 1);
        asAdmin().contentType(ContentType.JSON).body(json).post("/cases/" + escalated.caseId() + "/notes").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains(field));
        asAdmin().get("/cases/" + escalated.caseId()).then().body("history", hasSize(1));
    }

    @Test
    void aTooLongOrMissingNoteIsA400() {
        ContactEscalated escalated = escalate(unique("c"), customer(unique("cust"), Segment.STANDARD), 1, 1);
        asAdmin().contentType(ContentType.JSON).body(Map.of("author", "sam", "text", "x".repeat(10_001)))
                .post("/cases/" + escalated.caseId() + "/notes").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("text"));
        asAdmin().contentType(ContentType.JSON).post("/cases/" + escalated.caseId() + "/notes").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("body"));
        asAdmin().get("/cases/" + escalated.caseId()).then().body("history", hasSize(1));
    }

    @Test
    void servesTheTierPolicy() {
        asAdmin().get("/policies").then().statusCode(200)
                .body("version", equalTo(1))
                .body("author", equalTo("tierline"))
                .body("topTier", equalTo(3))
                .body("tiers.tier", contains(2, 3))
                .body("tiers.queueId", contains("l2-general", "l3-engineering"))
                .body("tiers.pickupTarget", contains("PT30M", "PT4H"))
                .body("rules.id", contains("next-tier", "top-tier-requeue"))
                .body("rules[0].description", startsWith("below the top tier"));
    }

    /** Escalates a new contact {@code times} times from {@code fromTier} on and returns the last ContactEscalated. */
    private static ContactEscalated escalate(String contactId, Customer customer, int fromTier, int times) {
        String caseId = null;
        ContactEscalated last = null;
        for (int i = 0; i < times; i++) {
            send(Topics.CONTACTS_UNRESOLVED,
                    unresolved(contactId, customer, fromTier + i, "q", caseId, i, Priority.NORMAL));
            last = read(await(Topics.CONTACTS_ESCALATED, contactId, i + 1), ContactEscalated.class).get(i);
            read(await(Topics.CUSTOMERS_NOTIFICATIONS, contactId, i + 1), CustomerNotified.class);
            caseId = last.caseId();
            CONTACTS.put(last.caseId(), contactId);
        }
        return last;
    }

    private static final Map<String, String> CONTACTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String contactOf(String caseId) {
        return CONTACTS.get(caseId);
    }
}
