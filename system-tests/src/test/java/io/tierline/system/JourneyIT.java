package io.tierline.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.tierline.embedded.JvmTokens;
import io.tierline.identity.DevTokens;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.SseClient;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import io.tierline.events.WrapUpEnded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey of issue 2 across the four packaged services, each its own JVM process, on one real
 * Kafka broker and one MongoDB wire store: a gateway posts contacts, an L1 agent resolves one and escalates
 * the other, escalation opens a case and promotes it to L2, an L2 agent resolves it, and the case history
 * and the FCR/AHT KPIs come out right.
 */
class JourneyIT {

    private static final DevTokens TOKENS = JvmTokens.get();

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The customer's personal data in this journey: distinctive, so any copy of it in a log can be found. */
    private static final String CUSTOMER_NAME = "Zelda Quintero-Vasquez";
    private static final String CUSTOMER_EMAIL = "zelda.quintero@example.org";
    private static final String CUSTOMER_PHONE = "+4915112398765";
    private static final String FIRST_MESSAGE = "My card ending 7731 was declined";
    private static final String SECOND_MESSAGE = "Refund for order Q-55123 never arrived";
    private static RunningSystem system;
    private static String intake;
    private static String routing;
    private static String escalation;
    private static String metrics;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.start("journey", Map.of(
                "routing-service", Map.of("tierline.routing.wrap-up", "PT5M"),
                "escalation-service", Map.of("tierline.escalation.queues.tier2", "l2-general"),
                "metrics-service", Map.of("tierline.metrics.publish-interval", "1s")));
        intake = system.intake();
        routing = system.routing();
        escalation = system.escalation();
        metrics = system.metrics();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aContactIsResolvedAtL1AnotherIsEscalatedToL2AndTheKpisAndCaseShowIt() throws Exception {
        Instant journeyStart = Instant.now();
        put(routing + "/queues/l1-chat", Map.of("name", "L1 chat", "tier", 1, "channels", List.of("CHAT"),
                "languages", List.of("en")));
        put(routing + "/queues/l2-general", Map.of("name", "L2 general", "tier", 2,
                "channels", List.of("CHAT", "PHONE", "EMAIL"), "languages", List.of("en")));
        put(routing + "/agents/alice", Map.of("name", "Alice", "tier", 1, "languages", List.of("en"),
                "skills", Map.of("billing", 5), "capacity", Map.of("CHAT", 1)));
        put(routing + "/agents/bob", Map.of("name", "Bob", "tier", 2, "languages", List.of("en"),
                "skills", Map.of("billing", 9), "capacity", Map.of("CHAT", 2)));

        try (SseClient alice = new SseClient(routing + "/agents/alice/assignments", TOKENS.agent("alice"));
             SseClient bob = new SseClient(routing + "/agents/bob/assignments", TOKENS.agent("bob"));
             KafkaProbe probe = new KafkaProbe(system.kafka.bootstrapServers())) {
            put(TOKENS.agent("alice"), routing + "/agents/alice/status", Map.of("status", "AVAILABLE"));
            put(TOKENS.agent("bob"), routing + "/agents/bob/status", Map.of("status", "AVAILABLE"));

            // 1. A gateway posts a chat; the retry with the same key is the same contact, published once.
            String key = UUID.randomUUID().toString();
            String first = postContact(key, "cust-1", FIRST_MESSAGE);
            assertEquals(first, postContact(key, "cust-1", FIRST_MESSAGE));
            assertEquals(1, probe.awaitKey(Topics.CONTACTS_RECEIVED, first, 1, WAIT).size());

            // 2. Alice is offered it on her SSE stream, accepts and resolves it at first contact.
            awaitOffer(alice, first);
            post(TOKENS.agent("alice"), routing + "/agents/alice/offers/" + first + "/accept", Map.of());
            post(TOKENS.agent("alice"), routing + "/agents/alice/contacts/" + first + "/resolve",
                    Map.of("resolutionCode", "CARD_UNBLOCKED", "notes", "unblocked the card"));
            post(TOKENS.agent("alice"), routing + "/agents/alice/wrap-up/complete", Map.of());
            assertEquals(1, probe.awaitKey(Topics.CONTACTS_RESOLVED, first, 1, WAIT).size());

            // 3. A second contact: Alice cannot solve it and escalates with her notes.
            String second = postContact(UUID.randomUUID().toString(), "cust-2", SECOND_MESSAGE);
            awaitOffer(alice, second);
            post(TOKENS.agent("alice"), routing + "/agents/alice/offers/" + second + "/accept", Map.of());
            post(TOKENS.agent("alice"), routing + "/agents/alice/contacts/" + second + "/escalate", Map.of("reason", "needs refund rights",
                    "notes", "checked the ledger, refund stuck", "diagnostics", Map.of("ledgerRef", "LR-77")));
            post(TOKENS.agent("alice"), routing + "/agents/alice/wrap-up/complete", Map.of());

            // 4. Escalation opens a case and promotes it; routing offers it to Bob at L2 with the case.
            SseClient.Event offer = awaitOffer(bob, second);
            JsonPath offered = JsonPath.from(offer.data());
            assertEquals(2, offered.getInt("tier"));
            assertEquals("l2-general", offered.getString("queueId"));
            String caseId = offered.getString("caseId");
            assertNotNull(caseId, "the L2 offer carries the case");
            post(TOKENS.agent("bob"), routing + "/agents/bob/offers/" + second + "/accept", Map.of());
            post(TOKENS.agent("bob"), routing + "/agents/bob/contacts/" + second + "/resolve",
                    Map.of("resolutionCode", "REFUND_ISSUED", "notes", "pushed the refund"));
            post(TOKENS.agent("bob"), routing + "/agents/bob/wrap-up/complete", Map.of());

            // 5. The case carries the whole history and is closed by the L2 resolve.
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TOKENS.agent("bob")).get(escalation + "/cases/" + caseId).then()
                    .statusCode(200)
                    .body("status", equalTo("RESOLVED"))
                    .body("history.notes", hasItem("checked the ledger, refund stuck")));

            // 6. FCR and AHT: one of two resolved contacts was resolved at first contact; AHT is the mean
            //    handle time of the three handlings, recomputed here from the WrapUpEnded events themselves.
            List<WrapUpEnded> handlings = probe.await(Topics.CONTACTS_ASSIGNMENTS,
                    r -> r.value().contains("\"type\":\"WrapUpEnded\""), 3, WAIT).stream()
                    .map(r -> EventJson.read(r.value(), WrapUpEnded.class)).toList();
            assertEquals(3, handlings.size());
            double expectedAht = handlings.stream().mapToLong(WrapUpEnded::handleMillis).average().orElseThrow() / 1000.0;
            List<ContactResolved> resolved = probe.await(Topics.CONTACTS_RESOLVED, r -> true, 2, WAIT).stream()
                    .map(r -> EventJson.read(r.value(), ContactResolved.class)).toList();
            assertEquals(1, resolved.stream().filter(ContactResolved::firstContactResolution).count());

            // Summed over the one-minute windows since the journey began, so that it holds whichever minute, hour
            // or day boundary the journey happens to cross.
            await().atMost(WAIT).untilAsserted(() -> {
                List<Map<String, Object>> fcr = series("fcr", journeyStart);
                assertEquals(1, sum(fcr, "numerator"));
                assertEquals(2, sum(fcr, "denominator"));
                List<Map<String, Object>> aht = series("aht", journeyStart);
                assertEquals(3, sum(aht, "count"));
                double weighted = aht.stream().mapToDouble(p -> ((Number) p.get("meanSeconds")).doubleValue()
                        * ((Number) p.get("count")).longValue()).sum();
                assertEquals(expectedAht, weighted / 3, 0.001);
            });
            var fcrSnapshots = probe.await(Topics.KPI_FCR, r -> r.value().contains("\"value\":0.5"), 1, WAIT);
            assertTrue(!fcrSnapshots.isEmpty(), "an FCR snapshot of 0.5 on " + Topics.KPI_FCR);

            // 7. The customer's personal data appears in no service's log (INFO, as in production), in no metric
            //    label and on no KPI topic; the logs are read from the processes' own output files.
            List<String> personal = List.of(CUSTOMER_NAME, CUSTOMER_EMAIL, CUSTOMER_PHONE, FIRST_MESSAGE,
                    SECOND_MESSAGE);
            StringBuilder allLogs = new StringBuilder();
            for (var service : system.services()) {
                String log = java.nio.file.Files.readString(service.log());
                assertTrue(log.contains("started in"), service.module() + "'s own output is read");
                allLogs.append(log);
                String prometheus = given().get(service.baseUrl() + "/q/metrics").then().statusCode(200)
                        .extract().asString();
                for (String data : personal) {
                    assertFalse(log.contains(data), service.module() + " logged personal data: " + data);
                    assertFalse(prometheus.contains(data), service.module() + " has personal data in a metric: " + data);
                }
            }
            assertTrue(allLogs.indexOf(first) >= 0 && allLogs.indexOf(second) >= 0,
                    "the logs tell the journey (by contact ids)");
            for (String topic : Topics.KPI_TOPICS) {
                assertTrue(probe.await(topic, r -> personal.stream().anyMatch(r.value()::contains), 1,
                        Duration.ofSeconds(2)).isEmpty(), "personal data on " + topic);
            }
        }
    }

    /** The one-minute windows of a KPI for all contacts since {@code from}. */
    private static List<Map<String, Object>> series(String kpi, Instant from) {
        List<Map<String, Object>> points = given().auth().oauth2(TOKENS.ops()).queryParam("kpi", kpi).queryParam("window", "PT1M")
                .queryParam("dimension", "all").queryParam("from", from.minusSeconds(60).toString())
                .get(metrics + "/kpis/series").then().statusCode(200).extract().jsonPath().getList("$");
        return points.stream().filter(p -> "all".equals(p.get("dimension"))).toList();
    }

    private static long sum(List<Map<String, Object>> points, String field) {
        return points.stream().mapToLong(p -> p.get(field) == null ? 0 : ((Number) p.get(field)).longValue()).sum();
    }

    private static String postContact(String idempotencyKey, String customerId, String message) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .header("X-Api-Key", GatewayKey.KEY)
                .body(Map.of("channel", "CHAT", "language", "en", "subject", "help",
                        "message", message, "customer", Map.of("id", customerId, "name", CUSTOMER_NAME,
                                "email", CUSTOMER_EMAIL, "phone", CUSTOMER_PHONE),
                        "chat", Map.of("sessionId", "s-" + customerId)))
                .post(intake + "/contacts")
                .then().statusCode(202).extract().path("contactId");
    }

    private static SseClient.Event awaitOffer(SseClient stream, String contactId) throws InterruptedException {
        return stream.await("ContactOffered", contactId, WAIT);
    }

    /** Set-up as an admin. */
    private static void put(String url, Object body) {
        put(TOKENS.admin(), url, body);
    }

    private static void put(String token, String url, Object body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(url).then().statusCode(200);
    }

    private static void post(String token, String url, Object body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(url).then().statusCode(200);
    }
}
