package io.tierline.metrics;

import static io.restassured.RestAssured.given;
import static io.tierline.metrics.TestEvents.byAgent;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.wrapUp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tierline.embedded.JvmTokens;
import io.tierline.embedded.EmbeddedKafka;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.FreePorts;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.ServiceProcess;
import io.tierline.events.Channel;
import io.tierline.events.ContactResolved;
import io.tierline.identity.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interactive queries across instances: two packaged metrics-service processes in one Kafka Streams application
 * on a real broker whose topics have 3 partitions, so each instance owns only part of the window stores. Events
 * spread over 24 queues, 3 channels and 3 tiers; {@code /kpis}, {@code /kpis/series} and {@code /kpis/breakdown}
 * on EACH instance must equal the totals worked out from the published events, while each instance's own part
 * ({@code /kpis/local/all}) holds only some of the keys (so without forwarding the answers would be partial). Then
 * one instance is killed: the other answers 503 problem+json with Retry-After for the keys the dead one owned
 * (its owner cannot be reached), never a partial answer. The instances trust this test's signer; every request
 * carries an ops token, which an instance forwards to the owner it asks (the internal endpoints need it too).
 */
class KpiInstancesIT {

    /** Queues of fixed names (this test has a broker of its own): their keys fall in every partition. */
    private static final int QUEUES = 24;
    /** Agents of fixed names who handle the contacts in turn. */
    private static final int AGENTS = 6;
    private static final String AGENT = "it-agent-";

    private static final DevTokens TOKENS = JvmTokens.get();
    private static final String OPS = TOKENS.ops();

    private static EmbeddedMongo mongo;
    private static EmbeddedKafka kafka;
    private static KafkaProbe probe;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws Exception {
        mongo = EmbeddedMongo.start(0, null);
        Path log = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "it-kafka-");
        kafka = EmbeddedKafka.start(FreePorts.next(), FreePorts.next(), log).createCatalogueTopics(3);
        probe = new KafkaProbe(kafka.bootstrapServers());
        first = instance();
        second = instance();
        first.awaitReady(Duration.ofSeconds(60));
        second.awaitReady(Duration.ofSeconds(60));
    }

    private static ServiceProcess instance() throws Exception {
        int port = FreePorts.next();
        return ServiceProcess.start(Path.of(".."), "metrics-service", port,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "MONGODB_URI", mongo.connectionString()),
                Map.of("tierline.metrics.instance.advertised-host", "127.0.0.1",
                        "tierline.metrics.streams.stream-threads", "1",
                        "tierline.metrics.instance.peer-timeout", "PT2S"),
                Path.of("target/it-logs"));
    }

    @AfterAll
    static void stop() throws Exception {
        ServiceProcess.closeAll(Stream.of(first, second).filter(Objects::nonNull).toList());
        for (AutoCloseable c : new AutoCloseable[] {probe, kafka, mongo}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void everyInstanceAnswersForTheWholeAndNeverPartially() throws Exception {
        Instant t = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        String run = "q";
        Channel[] channels = {Channel.CHAT, Channel.EMAIL, Channel.PHONE};
        // Expected, worked out from the events as one instance would: per queue FCR numerator/denominator,
        // overall FCR and the handlings per tier
        Map<String, long[]> fcrCounts = new TreeMap<>();
        long[] fcrAll = new long[2];
        Map<Integer, Integer> handledByTier = new HashMap<>();
        for (int i = 0; i < 3 * QUEUES; i++) {
            String queue = run + "-" + (i % QUEUES);
            int tier = 1 + i % 3;
            ContactResolved resolution = resolved(queue, channels[i % 3], tier, i % 4 == 0 ? 1 : 0, 0, t);
            boolean firstContact = resolution.firstContactResolution(); // tier 1, no escalation, no transfer
            send(probe, resolution);
            long[] fcr = fcrCounts.computeIfAbsent("queue=" + queue, q -> new long[2]);
            fcr[0] += firstContact ? 1 : 0;
            fcr[1]++;
            fcrAll[0] += firstContact ? 1 : 0;
            fcrAll[1]++;
            send(probe, byAgent(AGENT + (i % AGENTS), wrapUp(queue, channels[i % 3], tier, 60 + i, 0, 0, t)));
            handledByTier.merge(tier, 1, Integer::sum);
        }
        Map<String, String> fcrByQueue = new TreeMap<>();
        fcrCounts.forEach((queue, fcr) -> fcrByQueue.put(queue, fcr[0] + "/" + fcr[1]));
        Map<String, String> hour = Map.of("window", "PT1H", "dimension", "all", "at", t.toString());

        for (ServiceProcess instance : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonPath all = ok(instance, "/kpis", hour);
                assertEquals(fcrAll[1], all.getLong("fcr.denominator"));
                assertEquals(fcrAll[0], all.getLong("fcr.numerator"));
                assertEquals(3 * QUEUES, all.getLong("aht.count"));
                assertEquals(fcrByQueue, fcrOf(ok(instance, "/kpis/breakdown",
                        Map.of("by", "queue", "window", "PT1H", "at", t.toString())), run));
            });
            for (var queue : fcrByQueue.entrySet()) {
                JsonPath k = ok(instance, "/kpis", Map.of("window", "PT15M", "dimension", queue.getKey(),
                        "at", t.toString()));
                assertEquals(queue.getValue(), k.getLong("fcr.numerator") + "/" + k.getLong("fcr.denominator"),
                        queue.getKey());
            }
            for (var tier : handledByTier.entrySet()) {
                JsonPath k = ok(instance, "/kpis", Map.of("kpi", "aht", "window", "PT1M",
                        "dimension", "tier=" + tier.getKey(), "at", t.toString()));
                assertEquals(tier.getValue().longValue(), k.getLong("aht.count"), "tier " + tier.getKey());
            }
            // The agent dimension (kept in minutes, in stores of its own): each agent handled 3 * QUEUES / AGENTS;
            // its keys lie in other partitions than all's, so they may be counted a moment later
            Map<String, Integer> handledByAgent = new TreeMap<>();
            for (int a = 0; a < AGENTS; a++) {
                handledByAgent.put("agent=" + AGENT + a, 3 * QUEUES / AGENTS);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String agent : handledByAgent.keySet()) {
                    assertEquals(3 * QUEUES / AGENTS, ok(instance, "/kpis", Map.of("kpi", "aht", "window", "PT15M",
                            "dimension", agent, "at", t.toString())).getInt("aht.count"), agent);
                }
                Map<String, Integer> breakdown = new TreeMap<>();
                List<Map<String, Object>> agentPoints = ok(instance, "/kpis/breakdown", Map.of("by", "agent",
                        "window", "PT1H", "at", t.toString())).getList("$");
                agentPoints.stream().filter(p -> "aht".equals(p.get("kpi")))
                        .forEach(p -> breakdown.put((String) p.get("dimension"), (Integer) p.get("count")));
                assertEquals(handledByAgent, breakdown);
            });
            JsonPath series = ok(instance, "/kpis/series", Map.of("kpi", "fcr", "window", "PT1M",
                    "dimension", "queue=" + run + "-3", "from", t.toString()));
            assertEquals(1, series.getList("$").size());
            assertEquals(fcrByQueue.get("queue=" + run + "-3"),
                    series.getLong("[0].numerator") + "/" + series.getLong("[0].denominator"));
        }

        // Without forwarding each instance would answer from its own part: the parts split the keys
        Set<String> firstPart = fcrOf(local(first, t), run).keySet();
        Set<String> secondPart = fcrOf(local(second, t), run).keySet();
        assertFalse(firstPart.isEmpty(), "the first instance owns some queues");
        assertFalse(secondPart.isEmpty(), "the second instance owns some queues");
        Set<String> both = new HashSet<>(firstPart);
        both.retainAll(secondPart);
        assertTrue(both.isEmpty(), "each key has one owner");
        Set<String> union = new HashSet<>(firstPart);
        union.addAll(secondPart);
        assertEquals(fcrByQueue.keySet(), union);
        Response anonymous = given().queryParams(Map.of("window", "PT1H", "at", t.toString()))
                .get(first.baseUrl() + "/kpis/local/all");
        assertEquals(401, anonymous.statusCode(), "the internal endpoints need a token too");

        // An owner that cannot be reached: 503 problem+json with Retry-After, not a partial answer
        second.kill();
        String gone = secondPart.iterator().next();
        assertUnavailable(given().auth().oauth2(OPS)
                .queryParams(Map.of("window", "PT1H", "dimension", gone, "at", t.toString()))
                .get(first.baseUrl() + "/kpis"));
        assertUnavailable(given().auth().oauth2(OPS)
                .queryParams(Map.of("by", "queue", "window", "PT1H", "at", t.toString()))
                .get(first.baseUrl() + "/kpis/breakdown"));
    }

    private static void assertUnavailable(Response response) {
        assertEquals(503, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertNotNull(response.header("Retry-After"));
    }

    private static JsonPath ok(ServiceProcess instance, String path, Map<String, ?> query) {
        Response response = given().auth().oauth2(OPS).queryParams(query).get(instance.baseUrl() + path);
        assertEquals(200, response.statusCode(), path + " on " + instance.baseUrl() + ": " + response.asString());
        return response.jsonPath();
    }

    /** The instance's own part of the PT1H windows containing {@code t} (the internal endpoint). */
    private static JsonPath local(ServiceProcess instance, Instant t) {
        return ok(instance, "/kpis/local/all", Map.of("window", "PT1H", "at", t.toString()));
    }

    /** FCR "numerator/denominator" per {@code queue=<id>} of this run, from a list of points or snapshots. */
    private static Map<String, String> fcrOf(JsonPath points, String run) {
        Map<String, String> out = new TreeMap<>();
        List<Map<String, Object>> items = points.getList("$");
        for (Map<String, Object> p : items) {
            String dimension = (String) p.get("dimension");
            if ("fcr".equals(p.get("kpi")) && dimension.startsWith("queue=" + run)) {
                out.put(dimension, p.get("numerator") + "/" + p.get("denominator"));
            }
        }
        return out;
    }
}
