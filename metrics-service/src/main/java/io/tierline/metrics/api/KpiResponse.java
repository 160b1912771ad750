package io.tierline.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.metrics.KpiReport;
import java.time.Instant;

/** The body of {@code GET /kpis}: one KPI snapshot over a trailing window. Undefined values are null. */
public record KpiResponse(
        String window,
        Instant windowStart,
        Instant windowEnd,
        Filters filters,
        FcrBody fcr,
        AhtBody aht) {

    /** The filters applied; absent ones are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filters(String queueId, String channel, Integer tier) {
    }

    public record FcrBody(Double value, long numerator, long denominator) {
    }

    public record AhtBody(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds, Double p99Seconds) {
    }

    static KpiResponse from(KpiReport report) {
        var filter = report.filter();
        var fcr = report.fcr();
        var aht = report.aht();
        return new KpiResponse(
                report.window().name(),
                report.windowStart(),
                report.windowEnd(),
                new Filters(filter.queueId(), filter.channel() == null ? null : filter.channel().name(), filter.tier()),
                new FcrBody(fcr.value(), fcr.numerator(), fcr.denominator()),
                new AhtBody(aht.count(), aht.meanSeconds(), aht.p50Seconds(), aht.p90Seconds(), aht.p99Seconds()));
    }
}
