package io.tierline.metrics.live;

import static io.tierline.metrics.TestEvents.probe;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.tokens;
import static io.tierline.metrics.TestEvents.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.SseClient;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.KpiSnapshot;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /kpis/stream}: the snapshots the topology commits on the kpi topics, live, once per eventId. The
 * feed starts at the latest offset, so each test first waits until a snapshot it writes comes through.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiStreamEndpointTest {

    @Test
    void aResolutionIsStreamedAsItsQueueSnapshots() throws Exception {
        try (SseClient sse = new SseClient(url(), tokens().ops())) {
            sse.awaitComment("connected", Duration.ofSeconds(20));
            String queue = unique("q");
            Instant t = Instant.now().minusSeconds(5);
            // Sent until a snapshot of the queue streams: the feed may not have its partitions yet at first.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                send(resolved(queue, Channel.CHAT, 1, 0, 0, t));
                return sse.events().stream().anyMatch(e -> e.data().contains("\"queue=" + queue + "\""));
            });
            SseClient.Event event = sse.await(e -> e.data().contains("\"queue=" + queue + "\"")
                    && e.data().contains("\"PT1H\"") && e.data().contains("\"fcr\""), Duration.ofSeconds(30));
            KpiSnapshot s = EventJson.read(event.data(), KpiSnapshot.class);
            assertEquals("KpiSnapshot", event.name());
            assertEquals(s.eventId(), event.id());
            assertEquals("queue=" + queue, s.dimension());
            assertEquals(1.0, s.value(), "every resolution of the queue was at first contact");
            assertEquals(t.truncatedTo(ChronoUnit.HOURS), s.windowStart());
        }
    }

    @Test
    void aSnapshotDeliveredTwiceIsStreamedOnceAndARecordThatIsNoSnapshotIsDeadLettered() throws Exception {
        try (SseClient sse = new SseClient(url(), tokens().ops())) {
            sse.awaitComment("connected", Duration.ofSeconds(20));
            Set<String> warmUps = ConcurrentHashMap.newKeySet();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                KpiSnapshot warmUp = snapshot(unique("warm-up"));
                warmUps.add(warmUp.eventId());
                write(warmUp);
                return sse.events().stream().anyMatch(e -> warmUps.contains(e.id()));
            });
            KpiSnapshot twice = snapshot(unique("twice"));
            String bad = unique("bad");
            KpiSnapshot after = snapshot(unique("after"));
            write(twice);
            write(twice);
            probe().send(Topics.KPI_FCR, bad, "{ not a snapshot");
            write(after);

            sse.await(e -> e.id().equals(after.eventId()), Duration.ofSeconds(30));
            assertEquals(1, sse.events().stream().filter(e -> e.id().equals(twice.eventId())).count());
            var dead = probe().awaitKey(Topics.dlq("metrics"), bad, 1, Duration.ofSeconds(60));
            assertEquals(1, dead.size());
            assertEquals(Topics.KPI_FCR, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        }
    }

    @Test
    void theStreamSendsHeartbeats() throws Exception {
        try (SseClient sse = new SseClient(url(), tokens().ops())) {
            sse.awaitComment("heartbeat", Duration.ofSeconds(20));
            assertTrue(sse.comments().contains("connected"));
        }
    }

    /** A snapshot of its own dimension (all on one key, so they stay in order on one partition). */
    private static KpiSnapshot snapshot(String dimension) {
        Instant start = Instant.parse("2025-03-01T12:00:00Z");
        return new KpiSnapshot(EventIds.random(), start, "fcr", "PT1H", start, start.plusSeconds(3600), dimension,
                "ratio", 1.0, 1L, 1L, null, null, null, null);
    }

    private static void write(KpiSnapshot s) {
        probe().send(Topics.KPI_FCR, "stream-test", EventJson.write(s), Map.of("ce_id", s.eventId()));
    }

    private static String url() {
        return "http://localhost:" + RestAssured.port + "/kpis/stream";
    }
}
