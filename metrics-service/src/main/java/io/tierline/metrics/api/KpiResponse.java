package io.tierline.metrics.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tierline.events.KpiSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /kpis}: one window and dimension, then one member per KPI named by the KPI
 * ({@code fcr}, {@code aht}, ..., {@code csat-mean}, {@code qa}). Undefined values are null.
 */
@JsonPropertyOrder({"window", "trailing", "windowStart", "windowEnd", "dimension", "at"})
public final class KpiResponse {

    /** One KPI's value in the window; the fields that do not apply to its unit are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KpiValue(String unit, @JsonInclude(JsonInclude.Include.ALWAYS) Double value, Long numerator,
            Long denominator, Long count, Double meanSeconds, Double p50, Double p90, Double p99) {

        static KpiValue of(KpiSnapshot s) {
            Double mean = "seconds".equals(s.unit()) ? s.value() : null;
            return new KpiValue(s.unit(), s.value(), s.numerator(), s.denominator(), s.count(), mean, s.p50(),
                    s.p90(), s.p99());
        }
    }

    private final String window;
    private final boolean trailing;
    private final Instant windowStart;
    private final Instant windowEnd;
    private final String dimension;
    private final Instant at;
    private final Map<String, KpiValue> kpis = new LinkedHashMap<>();

    private KpiResponse(String window, boolean trailing, Instant windowStart, Instant windowEnd, String dimension,
            Instant at) {
        this.window = window;
        this.trailing = trailing;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.dimension = dimension;
        this.at = at;
    }

    static KpiResponse of(KpiQuery query, Instant windowStart, List<KpiSnapshot> snapshots) {
        var response = new KpiResponse(query.window().name(), query.trailing(), windowStart,
                windowStart.plus(query.window().length()), query.dimension(), query.at());
        snapshots.forEach(s -> response.kpis.put(s.kpi(), KpiValue.of(s)));
        return response;
    }

    public String getWindow() {
        return window;
    }

    /** Whether the window is the trailing one of its size ending with the minute of {@code at}, not UTC-aligned. */
    public boolean isTrailing() {
        return trailing;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public String getDimension() {
        return dimension;
    }

    public Instant getAt() {
        return at;
    }

    @JsonAnyGetter
    public Map<String, KpiValue> kpis() {
        return kpis;
    }
}
