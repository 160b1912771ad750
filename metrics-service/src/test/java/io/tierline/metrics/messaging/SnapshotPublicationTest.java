package io.tierline.metrics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.KpiReport;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.Aht;
import io.tierline.metrics.kpi.Fcr;
import io.tierline.platform.messaging.PublishFailedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotPublicationTest {

    private final List<KpiSnapshot> sent = new ArrayList<>();
    private int failuresLeft;
    private final SnapshotPublication publication = new SnapshotPublication(snapshot -> {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new PublishFailedException(snapshot, new RuntimeException("broker down"));
        }
        sent.add(snapshot);
    });

    private static KpiReport report(Instant end, Fcr fcr, Aht aht) {
        return new KpiReport(KpiWindow.P1D, end.minus(KpiWindow.P1D.length()), end, KpiFilter.ALL, fcr, aht);
    }

    @Test
    void publishesOnlyWhenTheValuesChanged() {
        Instant t0 = Instant.parse("2025-03-01T12:00:00Z");
        assertTrue(publication.publishIfChanged(KpiSnapshots.fcr(report(t0, Fcr.of(1, 2), Aht.EMPTY))));
        // the window moved, the values did not
        assertFalse(publication.publishIfChanged(KpiSnapshots.fcr(report(t0.plusSeconds(5), Fcr.of(1, 2), Aht.EMPTY))));
        assertTrue(publication.publishIfChanged(KpiSnapshots.fcr(report(t0.plusSeconds(10), Fcr.of(1, 3), Aht.EMPTY))));
        // another key is tracked on its own
        assertTrue(publication.publishIfChanged(KpiSnapshots.aht(report(t0.plusSeconds(10), Fcr.of(1, 3), Aht.of(1000)))));
        assertFalse(publication.publishIfChanged(KpiSnapshots.aht(report(t0.plusSeconds(15), Fcr.of(1, 3), Aht.of(1000)))));

        assertEquals(List.of("fcr|all|P1D", "fcr|all|P1D", "aht|all|P1D"), sent.stream().map(KpiSnapshot::key).toList());
        assertEquals(3L, sent.get(1).denominator());
    }

    @Test
    void aSnapshotTheBrokerDidNotAcknowledgeIsSentAgainNextTick() {
        Instant t0 = Instant.parse("2025-03-01T12:00:00Z");
        failuresLeft = 1;
        assertFalse(publication.publishIfChanged(KpiSnapshots.fcr(report(t0, Fcr.of(1, 2), Aht.EMPTY))));
        assertTrue(publication.publishIfChanged(KpiSnapshots.fcr(report(t0.plusSeconds(5), Fcr.of(1, 2), Aht.EMPTY))));
        assertEquals(1, sent.size());
        assertEquals(t0.plusSeconds(5), sent.get(0).windowEnd());
    }

    @Test
    void snapshotsCarryTheKpiWindowAndDimension() {
        Instant end = Instant.parse("2025-03-01T12:00:00Z");
        KpiReport report = report(end, Fcr.of(1, 4), Aht.of(1000, 3000));

        KpiSnapshot fcr = KpiSnapshots.fcr(report);
        assertEquals(new KpiSnapshot(fcr.eventId(), end, "fcr", "P1D", Instant.parse("2025-02-28T12:00:00Z"), end,
                "all", "ratio", 0.25, 1L, 4L, null, null, null, null), fcr);
        KpiSnapshot aht = KpiSnapshots.aht(report);
        assertEquals(new KpiSnapshot(aht.eventId(), end, "aht", "P1D", Instant.parse("2025-02-28T12:00:00Z"), end,
                "all", "seconds", 2.0, null, null, 2L, 1.0, 3.0, 3.0), aht);
        assertEquals(fcr.eventId(), KpiSnapshots.fcr(report).eventId(), "the id is derived, not random");
    }
}
