package io.tierline.metrics.api;

import static io.tierline.metrics.TestEvents.asSupervisor;
import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.probe;
import static io.tierline.metrics.TestEvents.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.EventJson;
import io.tierline.events.QualityEvaluated;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class EvaluationResourceTest {

    @Test
    void anEvaluationIsStoredPublishedOnceAndRetriedSafely() {
        String contact = unique("C");
        String key = unique("key");
        String body = body(contact, "alice", "l1-chat", 85);
        JsonPath created = post(key, body).then().statusCode(201)
                .header("Location", startsWith("/evaluations/"))
                .body("contactId", equalTo(contact)).body("score", equalTo(85))
                .body("criteria.greeting", equalTo(90)).extract().jsonPath();
        String evaluationId = created.getString("evaluationId");
        // the same key again: the same evaluation, 200, nothing new published
        post(key, body).then().statusCode(200).body("evaluationId", equalTo(evaluationId))
                .body("eventId", equalTo(created.getString("eventId")));
        asSupervisor().when().get("/evaluations/" + evaluationId).then().statusCode(200)
                .body("agentId", equalTo("alice")).body("evaluator", equalTo("supervisor-1"));

        var records = probe().awaitKey(Topics.CONTACTS_EVALUATIONS, contact, 1, Duration.ofSeconds(60));
        QualityEvaluated event = EventJson.read(records.get(0).value(), QualityEvaluated.class);
        assertEquals(new QualityEvaluated(created.getString("eventId"), contact, event.occurredAt(), evaluationId,
                "alice", "l1-chat", 1, 85, Map.of("greeting", 90, "resolution", 80), "supervisor-1"), event);
        assertEquals(event.eventId(), KafkaProbe.header(records.get(0), "ce_id"));
        assertEquals("/tierline/metrics", KafkaProbe.header(records.get(0), "ce_source"));
        assertEquals(1, probe().awaitKey(Topics.CONTACTS_EVALUATIONS, contact, 2, Duration.ofSeconds(3)).size());
    }

    @Test
    void theSameIdWithOtherContentIsAConflict() {
        String contact = unique("C");
        String key = unique("key");
        post(key, body(contact, "alice", "l1-chat", 70)).then().statusCode(201);
        post(key, body(contact, "alice", "l1-chat", 71)).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void evaluationsFeedTheQaKpiOfTheirQueueAndAgent() {
        String queue = unique("q");
        String agent = unique("agent");
        Instant before = Instant.now();
        post(unique("key"), body(unique("C"), agent, queue, 80)).then().statusCode(201);
        post(unique("key"), body(unique("C"), agent, queue, 95)).then().statusCode(201);
        // (80 + 95) / 2 = 87.5, in the hour of the evaluations
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath qa = kpis(Map.of("kpi", "qa", "dimension", "queue=" + queue, "at", before.toString()));
            assertEquals(2, qa.getInt("qa.count"));
            assertEquals(87.5, qa.getDouble("qa.value"));
            assertEquals("score", qa.getString("qa.unit"));
        });
        JsonPath byAgent = kpis(Map.of("kpi", "qa", "dimension", "agent=" + agent, "at", before.toString()));
        assertEquals(87.5, byAgent.getDouble("qa.value"));
    }

    @Test
    void invalidFieldsAreA400NamingThem() {
        asSupervisor().contentType("application/json")
                .body("{\"contactId\":\"C-1\",\"agentId\":\"a\",\"score\":101,\"criteria\":{\"greeting\":-1},"
                        + "\"evaluator\":\"s\",\"tier\":4}")
                .when().post("/evaluations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("evaluationId", "score", "criteria.greeting", "tier"));
        asSupervisor().contentType("application/json").header("Idempotency-Key", "k")
                .body("{\"contactId\":\"C-1\",\"agentId\":\"a\",\"score\":\"high\",\"evaluator\":\"s\"}")
                .when().post("/evaluations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("score"));
        asSupervisor().contentType("application/json").header("Idempotency-Key", "k").body("{")
                .when().post("/evaluations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownEvaluationIsA404() {
        asSupervisor().when().get("/evaluations/" + unique("nope")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.Response post(String key, String body) {
        return asSupervisor().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/evaluations");
    }

    private static String body(String contact, String agent, String queue, int score) {
        return "{\"contactId\":\"" + contact + "\",\"agentId\":\"" + agent + "\",\"queueId\":\"" + queue
                + "\",\"tier\":1,\"score\":" + score + ",\"criteria\":{\"greeting\":90,\"resolution\":80},"
                + "\"evaluator\":\"supervisor-1\"}";
    }
}
