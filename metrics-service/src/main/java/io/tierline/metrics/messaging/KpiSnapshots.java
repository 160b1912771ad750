package io.tierline.metrics.messaging;

import io.tierline.events.EventIds;
import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiReport;
import io.tierline.metrics.kpi.Aht;
import io.tierline.metrics.kpi.Fcr;
import java.util.Objects;

/** KPI reports to the {@code kpi.fcr} / {@code kpi.aht} events. */
final class KpiSnapshots {

    static final String FCR = "fcr";
    static final String AHT = "aht";

    private KpiSnapshots() {
    }

    static KpiSnapshot fcr(KpiReport report) {
        Fcr fcr = report.fcr();
        return snapshot(report, FCR, "ratio", fcr.value(), fcr.numerator(), fcr.denominator(), null, null, null, null);
    }

    static KpiSnapshot aht(KpiReport report) {
        Aht aht = report.aht();
        return snapshot(report, AHT, "seconds", aht.meanSeconds(), null, null, aht.count(),
                aht.p50Seconds(), aht.p90Seconds(), aht.p99Seconds());
    }

    /** Same KPI values, whatever the window's position and the event's id. */
    static boolean sameValues(KpiSnapshot a, KpiSnapshot b) {
        return a.key().equals(b.key())
                && Objects.equals(a.value(), b.value())
                && Objects.equals(a.numerator(), b.numerator())
                && Objects.equals(a.denominator(), b.denominator())
                && Objects.equals(a.count(), b.count())
                && Objects.equals(a.p50(), b.p50())
                && Objects.equals(a.p90(), b.p90())
                && Objects.equals(a.p99(), b.p99());
    }

    private static KpiSnapshot snapshot(KpiReport r, String kpi, String unit, Double value, Long numerator,
            Long denominator, Long count, Double p50, Double p90, Double p99) {
        String dimension = r.filter().dimension();
        String window = r.window().name();
        String eventId = EventIds.derive(kpi, dimension, window, r.windowEnd());
        return new KpiSnapshot(eventId, r.windowEnd(), kpi, window, r.windowStart(), r.windowEnd(), dimension,
                unit, value, numerator, denominator, count, p50, p90, p99);
    }
}
