package io.tierline.metrics.api;

import static io.tierline.metrics.TestEvents.asOps;
import static io.tierline.metrics.TestEvents.byAgent;
import static io.tierline.metrics.TestEvents.deflected;
import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.received;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static io.tierline.metrics.TestEvents.wrapUp;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactQueued;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /kpis} reads the topology's window stores: exact values per window and dimension. Every event of a
 * test happens at one instant {@code t}, and the query asks for the windows containing {@code t}, so the test
 * does not depend on where the clock is inside a window. Each test uses its own queue and agent.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiResourceTest {

    @Test
    void fcrAndAhtOfAQueueAndAnAgentAreExactInEveryWindow() {
        String queue = unique("q");
        String agent = unique("agent");
        Instant t = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        // Resolutions: two at first contact, one transferred, one escalated to tier 2 (FCR 2/4)
        send(resolved(queue, Channel.CHAT, 1, 0, 0, t));
        send(resolved(queue, Channel.CHAT, 1, 0, 1, t));
        send(resolved(queue, Channel.CHAT, 2, 1, 0, t));
        send(resolved(queue, Channel.EMAIL, 1, 0, 0, t));
        // Handlings (talk + hold + wrap-up seconds): 60, 120 and 180 by the agent, 600 by agent-1
        send(byAgent(agent, wrapUp(queue, Channel.CHAT, 1, 40, 10, 10, t)));
        send(byAgent(agent, wrapUp(queue, Channel.CHAT, 1, 100, 0, 20, t)));
        send(byAgent(agent, wrapUp(queue, Channel.CHAT, 1, 150, 20, 10, t)));
        send(wrapUp(queue, Channel.EMAIL, 1, 500, 60, 40, t));
        // Other assignment events count nothing in FCR and AHT
        send(new ContactQueued(EventIds.random(), unique("c"), t, queue, 1, Channel.CHAT, Priority.NORMAL, "fits"));

        Map<String, String> hour = Map.of("window", "PT1H", "dimension", "queue=" + queue, "at", t.toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath k = kpis(hour);
            assertEquals(4, k.getInt("fcr.denominator"));
            assertEquals(4, k.getInt("aht.count"));
        });
        for (String window : new String[] {"PT1M", "PT15M", "PT1H", "P1D"}) {
            JsonPath k = kpis(Map.of("window", window, "dimension", "queue=" + queue, "at", t.toString()));
            assertEquals(window, k.getString("window"));
            assertEquals("queue=" + queue, k.getString("dimension"));
            Instant start = Instant.parse(k.getString("windowStart"));
            Duration length = Duration.parse(window);
            assertEquals(0, start.toEpochMilli() % length.toMillis(), "UTC-aligned " + window);
            assertEquals(start.plus(length), Instant.parse(k.getString("windowEnd")));
            assertTrue(!t.isBefore(start) && t.isBefore(start.plus(length)), "the window contains t");
            // FCR 2/4
            assertEquals("ratio", k.getString("fcr.unit"));
            assertEquals(0.5, k.getDouble("fcr.value"));
            assertEquals(2, k.getInt("fcr.numerator"));
            assertEquals(4, k.getInt("fcr.denominator"));
            // AHT over 60, 120, 180, 600 s: mean 240, p50 rank ceil(2) = 2 -> 120, p90 rank ceil(3.6) = 4 -> 600
            assertEquals("seconds", k.getString("aht.unit"));
            assertEquals(240.0, k.getDouble("aht.value"));
            assertEquals(240.0, k.getDouble("aht.meanSeconds"));
            assertEquals(120.0, k.getDouble("aht.p50"));
            assertEquals(600.0, k.getDouble("aht.p90"));
            assertEquals(600.0, k.getDouble("aht.p99"));
        }
        // The agent alone (kept in minutes, every window read from them): 60, 120, 180 -> mean 120, p50 rank 2 -> 120,
        // p90 rank ceil(2.7) = 3 -> 180
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(3, kpis(Map.of("kpi", "aht",
                "dimension", "agent=" + agent, "at", t.toString())).getInt("aht.count")));
        for (String window : new String[] {"PT1M", "PT15M", "PT1H", "P1D"}) {
            JsonPath byAgent = kpis(Map.of("kpi", "aht", "window", window, "dimension", "agent=" + agent,
                    "at", t.toString()));
            assertEquals(3, byAgent.getInt("aht.count"), window);
            assertEquals(120.0, byAgent.getDouble("aht.value"), window);
            assertEquals(120.0, byAgent.getDouble("aht.p50"), window);
            assertEquals(180.0, byAgent.getDouble("aht.p90"), window);
            assertNull(byAgent.get("fcr"), "only the KPI asked for");
        }
        JsonPath agentSeries = asOps().queryParams(Map.of("kpi", "aht", "dimension", "agent=" + agent, "from",
                t.minusSeconds(300).toString())).when().get("/kpis/series").then().statusCode(200).extract().jsonPath();
        assertEquals(1, agentSeries.getList("$").size());
        assertEquals(t.truncatedTo(ChronoUnit.MINUTES).toString(), agentSeries.getString("[0].windowStart"));
        assertEquals(3, agentSeries.getInt("[0].count"));
        JsonPath byAgents = asOps().queryParams(Map.of("by", "agent", "window", "PT1H", "at", t.toString())).when()
                .get("/kpis/breakdown").then().statusCode(200).extract().jsonPath();
        assertEquals(3, byAgents.getInt("find { it.kpi == 'aht' && it.dimension == 'agent=" + agent + "' }.count"));
        assertTrue(byAgents.getList("dimension", String.class).stream().allMatch(d -> d.startsWith("agent=")));

        // The series of the queue's minutes: one window with events, FCR 2/4
        JsonPath series = asOps().queryParams(Map.of("kpi", "fcr", "dimension", "queue=" + queue, "from",
                t.minusSeconds(300).toString())).when().get("/kpis/series").then().statusCode(200).extract().jsonPath();
        assertEquals(1, series.getList("$").size());
        assertEquals(t.truncatedTo(ChronoUnit.MINUTES).toString(), series.getString("[0].windowStart"));
        assertEquals("PT1M", series.getString("[0].window"));
        assertEquals(2, series.getInt("[0].numerator"));
        assertEquals(4, series.getInt("[0].denominator"));
        // The breakdown by queue of the hour has the queue's KPIs
        JsonPath byQueue = asOps().queryParams(Map.of("by", "queue", "window", "PT1H", "at", t.toString())).when()
                .get("/kpis/breakdown").then().statusCode(200).extract().jsonPath();
        assertEquals(0.5, byQueue.getDouble("find { it.kpi == 'fcr' && it.dimension == 'queue=" + queue + "' }.value"));
        assertEquals(4, byQueue.getInt("find { it.kpi == 'aht' && it.dimension == 'queue=" + queue + "' }.count"));
        assertTrue(byQueue.getList("dimension", String.class).stream().allMatch(d -> d.startsWith("queue=")));
    }

    @Test
    void theTrailingQuarterEndsWithTheMinuteOfAtAndMergesItsMinutes() {
        String queue = unique("q");
        Instant t = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        // four minutes apart (inside the grace): first contact at t - 4 min, transferred at t
        send(resolved(queue, Channel.CHAT, 1, 0, 0, t.minus(Duration.ofMinutes(4))));
        send(resolved(queue, Channel.CHAT, 1, 0, 1, t));
        Map<String, String> trailing = Map.of("kpi", "fcr", "window", "PT15M", "trailing", "true",
                "dimension", "queue=" + queue, "at", t.toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(2, kpis(trailing)
                .getInt("fcr.denominator")));
        JsonPath k = kpis(trailing);
        assertTrue(k.getBoolean("trailing"));
        assertEquals("PT15M", k.getString("window"));
        Instant minute = t.truncatedTo(ChronoUnit.MINUTES);
        assertEquals(minute.minus(Duration.ofMinutes(14)).toString(), k.getString("windowStart"));
        assertEquals(minute.plus(Duration.ofMinutes(1)).toString(), k.getString("windowEnd"));
        assertEquals(1, k.getInt("fcr.numerator"));
        assertEquals(0.5, k.getDouble("fcr.value"));
        // the trailing quarter ending with the minute four minutes before t has only the first resolution
        JsonPath before = kpis(Map.of("kpi", "fcr", "window", "PT15M", "trailing", "true",
                "dimension", "queue=" + queue, "at", minute.minus(Duration.ofMinutes(4)).toString()));
        assertEquals(1, before.getInt("fcr.denominator"));
        assertEquals(1.0, before.getDouble("fcr.value"));
        // without trailing the window is the UTC-aligned quarter
        JsonPath aligned = kpis(Map.of("kpi", "fcr", "window", "PT15M", "dimension", "queue=" + queue,
                "at", t.toString()));
        assertFalse(aligned.getBoolean("trailing"));
        assertEquals(0, Instant.parse(aligned.getString("windowStart")).toEpochMilli() % Duration.ofMinutes(15)
                .toMillis());
    }

    @Test
    void theDeflectionRateCountsEachArrivalOnceAndEachDeflectionOnceInEveryWindow() {
        String category = unique("cat");
        Instant t = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        Instant later = t.plusSeconds(5);
        // r1, r2, r3 received at t; r1 deflected after being queued (and redelivered); r4 deflected and r5
        // abandoned while held for self-service (no ContactReceived): arrivals 5 (r1..r5), deflected 2 (r1, r4)
        String r1 = unique("c");
        send(received(r1, Channel.CHAT, category, t));
        send(received(unique("c"), Channel.CHAT, category, t));
        send(received(unique("c"), Channel.PHONE, category, t));
        var r1Deflected = deflected(r1, Channel.CHAT, category, t, later);
        send(r1Deflected);
        send(r1Deflected);
        send(deflected(unique("c"), Channel.EMAIL, category, t, later));
        send(new ContactAbandoned(EventIds.random(), unique("c"), later, "cust-1", Channel.SMS, category, t));

        Map<String, String> hour = Map.of("kpi", "deflection", "window", "PT1H", "dimension", "category=" + category,
                "at", t.toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath k = kpis(hour);
            assertEquals(5, k.getInt("deflection.denominator"));
            assertEquals(2, k.getInt("deflection.numerator"));
        });
        for (String window : new String[] {"PT1M", "PT15M", "PT1H", "P1D"}) {
            JsonPath k = kpis(Map.of("kpi", "deflection", "window", window, "dimension", "category=" + category,
                    "at", t.toString()));
            assertEquals("ratio", k.getString("deflection.unit"), window);
            assertEquals(0.4, k.getDouble("deflection.value"), window);
            assertEquals(2, k.getInt("deflection.numerator"), window);
            assertEquals(5, k.getInt("deflection.denominator"), window);
        }
        JsonPath byCategory = asOps().queryParams(Map.of("by", "category", "window", "PT1H", "at", t.toString()))
                .when().get("/kpis/breakdown").then().statusCode(200).extract().jsonPath();
        assertEquals(0.4, byCategory.getDouble("find { it.kpi == 'deflection' && it.dimension == 'category="
                + category + "' }.value"));
    }

    @Test
    void aWindowWithoutEventsHasUndefinedValuesAndTheDefaultIsTheCurrentHourOfAll() {
        String queue = unique("q");
        JsonPath empty = kpis(Map.of("dimension", "queue=" + queue));
        assertEquals("PT1H", empty.getString("window"));
        Instant start = Instant.parse(empty.getString("windowStart"));
        assertEquals(Instant.parse(empty.getString("at")).truncatedTo(ChronoUnit.HOURS), start);
        for (String kpi : new String[] {"fcr", "aht", "asa", "'service-level'", "abandonment", "escalation", "csat",
                "'csat-mean'", "qa", "deflection"}) {
            assertTrue(empty.getMap("$").containsKey(kpi.replace("'", "")), kpi + " is answered");
            assertNull(empty.get(kpi + ".value"), kpi + " is undefined");
        }
        assertEquals(0, empty.getInt("fcr.denominator"));
        assertEquals(0, empty.getInt("aht.count"));
        assertFalse(empty.getMap("aht").containsKey("numerator"), "a duration has no numerator");
        asOps().when().get("/kpis").then().statusCode(200).body("dimension", equalTo("all"))
                .body("window", equalTo("PT1H"));
        asOps().queryParams(Map.of("kpi", "fcr", "dimension", "queue=" + queue)).when().get("/kpis").then()
                .statusCode(200).body("fcr.value", nullValue()).body("fcr.numerator", equalTo(0));
    }

    @Test
    void anUnknownKpiWindowOrDimensionIsA400NamingIt() {
        expect400(Map.of("window", "PT5M"), "window");
        expect400(Map.of("kpi", "nps"), "kpi");
        expect400(Map.of("window", "PT15M", "trailing", "yes"), "trailing");
        expect400(Map.of("window", "P1D", "trailing", "true"), "trailing");
        for (String dimension : new String[] {"queue", "queue=", "channel=FAX", "tier=4", "tier=two", "site=x",
                "category=", "category= "}) {
            expect400(Map.of("dimension", dimension), "dimension");
        }
    }

    @Test
    void anAtThatIsNoInstantInTheFutureOrBeyondTheRetentionIsA400NamingIt() {
        expect400(Map.of("at", "yesterday"), "at");
        expect400(Map.of("at", Instant.now().plusSeconds(3600).toString()), "at");
        // PT1M windows are kept for 1 min + grace (5 min) + 1 day
        expect400(Map.of("window", "PT1M", "at", Instant.now().minus(Duration.ofDays(2)).toString()), "at");
    }

    @Test
    void aSeriesOrBreakdownWithInvalidParametersIsA400NamingThem() {
        asOps().queryParams(Map.of("from", "soon", "window", "PT2M")).when().get("/kpis/series").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "window"));
        for (String by : new String[] {"", "site", "queue=x"}) {
            asOps().queryParam("by", by).when().get("/kpis/breakdown").then()
                    .statusCode(400).contentType("application/problem+json").body("violations.field", contains("by"));
        }
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        asOps().queryParams(Map.of("window", "P7D", "kpi", "x", "dimension", "tier=9", "at", "now")).when()
                .get("/kpis").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("window", "kpi", "dimension", "at"));
    }

    @Test
    void theInstancesInternalEndpointsNameABadParameterToo() {
        String at = "2026-11-26T10:00:00Z";
        Map<String, Map<String, String>> bad = Map.of(
                "kpi", Map.of("kpi", "x", "dimension", "all", "window", "PT1H", "at", at),
                "dimension", Map.of("kpi", "fcr", "dimension", " ", "window", "PT1H", "at", at),
                "window", Map.of("kpi", "fcr", "dimension", "all", "window", "P7D", "at", at),
                "trailing", Map.of("kpi", "fcr", "dimension", "all", "window", "PT15M", "at", at, "trailing", "yes"));
        bad.forEach((field, query) -> asOps().queryParams(query).when().get("/kpis/local/snapshots").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains(field)));
        asOps().queryParams(Map.of("kpi", "x", "dimension", "all", "window", "PT1H", "from", at, "to", at))
                .when().get("/kpis/local/series").then().statusCode(400).body("violations.field", contains("kpi"));
        asOps().queryParams(Map.of("window", "PT1H", "at", "now")).when().get("/kpis/local/all").then()
                .statusCode(400).body("violations.field", contains("at"));
        asOps().queryParams(Map.of("window", "PT1H", "at", "now")).when().get("/kpis/local/agents").then()
                .statusCode(400).body("violations.field", contains("at"));
    }

    private static void expect400(Map<String, String> query, String field) {
        asOps().queryParams(query).when().get("/kpis").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains(field));
    }
}
