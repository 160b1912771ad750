package io.tierline.metrics.kpi;

/**
 * The statistics of a duration KPI (AHT, ASA) in seconds: count, mean (rounded half-up to the millisecond)
 * and nearest-rank p50/p90/p99. The statistics are null when {@code count} is 0.
 */
public record DurationStats(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds, Double p99Seconds) {

    public static final DurationStats EMPTY = new DurationStats(0, null, null, null, null);
}
