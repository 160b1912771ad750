package io.tierline.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tierline.events.KpiSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instance's part of a KPI query reads back exactly as it was written (what another instance merges). */
class KpiPartJsonTest {

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    private static KpiSnapshot fcr(String dimension, long numerator, long denominator) {
        return new KpiSnapshot("e-" + dimension, START.plusSeconds(5), "fcr", "PT1H", START, START.plusSeconds(3600),
                dimension, "ratio", (double) numerator / denominator, numerator, denominator, null, null, null, null);
    }

    private static KpiSnapshot aht() {
        return new KpiSnapshot("e-aht", START, "aht", "PT1H", START, START.plusSeconds(3600), "all", "seconds",
                null, null, null, 0L, null, null, null);
    }

    @Test
    void snapshotsPerKpiRoundTrip() throws JsonProcessingException {
        Map<String, List<KpiSnapshot>> part = Map.of("fcr", List.of(fcr("queue=a", 2, 4)), "aht", List.of(aht()));
        assertEquals(part, KpiPartJson.read(KpiPartJson.write(part, KpiPartJson.BY_KPI), KpiPartJson.BY_KPI));
    }

    @Test
    void snapshotListsAndWaitingContactsRoundTrip() throws JsonProcessingException {
        List<KpiSnapshot> snapshots = List.of(fcr("queue=a", 1, 3), fcr("tier=2", 0, 1));
        assertEquals(snapshots, KpiPartJson.read(KpiPartJson.write(snapshots, KpiPartJson.SNAPSHOTS),
                KpiPartJson.SNAPSHOTS));
        List<String> waiting = List.of("1740830400000|l1-chat");
        assertEquals(waiting, KpiPartJson.read(KpiPartJson.write(waiting, KpiPartJson.WAITING), KpiPartJson.WAITING));
    }

    @Test
    void aBodyThatIsNoPartIsRejected() {
        assertThrows(JsonProcessingException.class, () -> KpiPartJson.read("{\"type\":\"about:blank\"}",
                KpiPartJson.SNAPSHOTS));
    }
}
