package io.tierline.metrics.messaging;

import static io.tierline.metrics.TestEvents.probe;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static io.tierline.metrics.TestEvents.wrapUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.EventJson;
import io.tierline.events.KpiSnapshot;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiTopicsTest {

    @Test
    void snapshotsOfTheLastDayAndHourArePublishedToKpiFcrAndKpiAht() {
        Instant before = Instant.now();
        String queue = unique("q");
        send(resolved(queue, Channel.CHAT, 1, 0, 0, before.minusSeconds(5)));
        send(wrapUp(queue, Channel.CHAT, 1, 45, 15, 0, before.minusSeconds(5)));

        for (String window : new String[] {"P1D", "PT1H"}) {
            KpiSnapshot fcr = awaitSnapshot(Topics.KPI_FCR, "fcr|all|" + window, before,
                    s -> s.denominator() != null && s.denominator() >= 1);
            assertEquals("ratio", fcr.unit());
            assertEquals("all", fcr.dimension());
            assertEquals(window, fcr.window());
            assertNotNull(fcr.value());
            assertEquals(Duration.parse(window), Duration.between(fcr.windowStart(), fcr.windowEnd()));

            KpiSnapshot aht = awaitSnapshot(Topics.KPI_AHT, "aht|all|" + window, before,
                    s -> s.count() != null && s.count() >= 1);
            assertEquals("seconds", aht.unit());
            assertNotNull(aht.value());
            assertNotNull(aht.p50());
            assertNotNull(aht.p90());
            assertNotNull(aht.p99());
        }
    }

    /** The first snapshot with this key, computed after {@code after}, that matches; checks its CloudEvents headers. */
    private static KpiSnapshot awaitSnapshot(String topic, String key, Instant after, Predicate<KpiSnapshot> matches) {
        Predicate<ConsumerRecord<String, String>> filter = r -> key.equals(r.key())
                && read(r).windowEnd().isAfter(after) && matches.test(read(r));
        var records = probe().await(topic, filter, 1, Duration.ofSeconds(30));
        assertFalse(records.isEmpty(), "no " + key + " snapshot on " + topic);
        var record = records.get(0);
        KpiSnapshot snapshot = read(record);
        assertEquals(snapshot.eventId(), KafkaProbe.header(record, "ce_id"));
        assertEquals("io.tierline.KpiSnapshot", KafkaProbe.header(record, "ce_type"));
        assertEquals("/tierline/metrics", KafkaProbe.header(record, "ce_source"));
        assertEquals("1.0", KafkaProbe.header(record, "ce_specversion"));
        return snapshot;
    }

    private static KpiSnapshot read(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value(), KpiSnapshot.class);
    }
}
