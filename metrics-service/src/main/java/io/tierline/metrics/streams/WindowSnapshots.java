package io.tierline.metrics.streams;

import io.tierline.events.EventIds;
import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.Csat;
import io.tierline.metrics.kpi.DurationStats;
import io.tierline.metrics.kpi.Fcr;
import io.tierline.metrics.kpi.Ratio;
import java.time.Instant;
import java.util.List;

/** A window's tally to the KPI snapshots published on {@code kpi.*} (KPIS.md, "Snapshots"). */
public final class WindowSnapshots {

    private WindowSnapshots() {
    }

    /**
     * @param key        {@code kpi|dimension}
     * @param occurredAt the largest event time counted in the window
     */
    public static List<KpiSnapshot> of(String key, KpiWindow window, Instant windowStart, Instant occurredAt,
            KpiTally tally) {
        String kpi = key.substring(0, key.indexOf('|'));
        String dimension = key.substring(key.indexOf('|') + 1);
        Instant windowEnd = windowStart.plus(window.length());
        var s = new Builder(window, windowStart, windowEnd, dimension, occurredAt);
        if (Kpis.isDuration(kpi)) {
            DurationStats stats = tally.durations().stats();
            return List.of(s.build(kpi, "seconds", stats.meanSeconds(), null, null, stats.count(),
                    stats.p50Seconds(), stats.p90Seconds(), stats.p99Seconds(), tally.durations().sumMillis()));
        }
        if (Kpis.FCR.equals(kpi)) {
            Fcr fcr = Fcr.of(tally.ratio().numerator(), tally.ratio().denominator());
            return List.of(s.ratio(kpi, fcr.value(), fcr.numerator(), fcr.denominator()));
        }
        if (Kpis.CSAT.equals(kpi)) {
            Csat csat = tally.csat();
            Ratio share = csat.share();
            return List.of(s.ratio(kpi, share.value(), share.numerator(), share.denominator()),
                    s.build(Kpis.CSAT_MEAN, "score", csat.mean(), csat.scoreSum(), null, csat.surveys(),
                            null, null, null, csat.scoreSum()));
        }
        if (Kpis.QA.equals(kpi)) {
            long evaluations = tally.ratio().denominator();
            Double mean = evaluations == 0 ? null : (double) tally.scoreSum() / evaluations;
            return List.of(s.build(kpi, "score", mean, tally.scoreSum(), null, evaluations, null, null, null,
                    tally.scoreSum()));
        }
        Ratio ratio = tally.ratio();
        return List.of(s.ratio(kpi, ratio.value(), ratio.numerator(), ratio.denominator()));
    }

    private record Builder(KpiWindow window, Instant windowStart, Instant windowEnd, String dimension,
            Instant occurredAt) {

        KpiSnapshot ratio(String kpi, Double value, long numerator, long denominator) {
            return build(kpi, "ratio", value, numerator, denominator, null, null, null, null, 0);
        }

        KpiSnapshot build(String kpi, String unit, Double value, Long numerator, Long denominator, Long count,
                Double p50, Double p90, Double p99, long sum) {
            String eventId = EventIds.derive(kpi, dimension, window.name(), windowStart, numerator, denominator,
                    count, sum, p50, p90, p99);
            return new KpiSnapshot(eventId, occurredAt, kpi, window.name(), windowStart, windowEnd, dimension, unit,
                    value, numerator, denominator, count, p50, p90, p99);
        }
    }
}
