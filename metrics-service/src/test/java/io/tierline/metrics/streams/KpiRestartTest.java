package io.tierline.metrics.streams;

import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactResolved;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping the KPI topology mid-stream and starting a new instance on the real broker (its state restored from
 * the changelogs into a new state directory) neither loses nor double-counts an event.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiRestartTest {

    @Inject
    KpiStreams kpiStreams;

    @Test
    void eventsBeforeDuringAndAfterARestartCountExactlyOnce() {
        String queue = unique("q");
        String contact = unique("c");   // one contact: one partition, processed in the order sent
        Instant t = Instant.now().minusSeconds(10);
        // Before: r1 first contact, a transferred one, another first contact -> 2/3
        ContactResolved r1 = resolved(contact, queue, Channel.PHONE, 1, 0, 0, t);
        send(r1);
        send(resolved(contact, queue, Channel.PHONE, 1, 0, 1, t));
        send(resolved(contact, queue, Channel.PHONE, 1, 0, 0, t));
        awaitFcr(queue, t, 2, 3);

        kpiStreams.stop();
        try {
            // While stopped: r1 redelivered, and a transferred one
            send(r1);
            send(resolved(contact, queue, Channel.PHONE, 1, 0, 1, t));
        } finally {
            kpiStreams.start();
        }
        // After: one more transferred. Exactly once: 2/5. Any double count adds a first-contact resolution
        // (r1 or the third), so the numerator would pass 2 and 2/5 would never be seen.
        send(resolved(contact, queue, Channel.PHONE, 1, 0, 1, t));
        awaitFcr(queue, t, 2, 5);
    }

    private static void awaitFcr(String queue, Instant t, int numerator, int denominator) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var given = io.tierline.metrics.TestEvents.asOps().queryParams(Map.of("kpi", "fcr", "dimension",
                    "queue=" + queue, "at", t.toString())).when().get("/kpis");
            assertEquals(200, given.statusCode(), "readable (503 while restoring)");
            var fcr = given.jsonPath();
            assertEquals(List.of(numerator, denominator), List.of(fcr.getInt("fcr.numerator"),
                    fcr.getInt("fcr.denominator")));
        });
    }
}
