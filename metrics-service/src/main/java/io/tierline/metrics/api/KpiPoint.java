package io.tierline.metrics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.events.KpiSnapshot;
import java.time.Instant;

/** One KPI in one dimension and window, as {@code GET /kpis/series} and {@code GET /kpis/breakdown} answer it. */
public record KpiPoint(String kpi, String dimension, String window, Instant windowStart, Instant windowEnd,
        @JsonUnwrapped KpiResponse.KpiValue value) {

    static KpiPoint of(KpiSnapshot s) {
        return new KpiPoint(s.kpi(), s.dimension(), s.window(), s.windowStart(), s.windowEnd(),
                KpiResponse.KpiValue.of(s));
    }
}
