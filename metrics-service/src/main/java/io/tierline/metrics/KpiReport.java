package io.tierline.metrics;

import io.tierline.metrics.kpi.Aht;
import io.tierline.metrics.kpi.Fcr;
import java.time.Instant;

/** The KPIs over one trailing window {@code [windowStart, windowEnd)} and one filter. */
public record KpiReport(
        KpiWindow window,
        Instant windowStart,
        Instant windowEnd,
        KpiFilter filter,
        Fcr fcr,
        Aht aht) {
}
