package io.tierline.events;

import java.time.Instant;

/**
 * One KPI over one window and dimension, as published on the {@code kpi.*} topics.
 * Ratios carry {@code numerator}/{@code denominator}; durations carry {@code count} and percentiles in
 * {@code unit}. A value that is undefined (nothing to count yet) is null.
 *
 * @param dimension {@code all}, or e.g. {@code tier=1}, {@code queue=l1-chat}
 */
public record KpiSnapshot(
        String eventId,
        Instant occurredAt,
        String kpi,
        String window,
        Instant windowStart,
        Instant windowEnd,
        String dimension,
        String unit,
        Double value,
        Long numerator,
        Long denominator,
        Long count,
        Double p50,
        Double p90,
        Double p99) implements TierlineEvent {

    @Override
    public String key() {
        return kpi + "|" + dimension + "|" + window;
    }
}
