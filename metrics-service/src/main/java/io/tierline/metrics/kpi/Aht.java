package io.tierline.metrics.kpi;

/**
 * Average handle time over handlings completed: handle time = talk + hold + after-contact work (accept to end
 * of wrap-up). The statistics are those of {@link DurationDistribution#stats()} (mean rounded half-up to the
 * millisecond, nearest-rank p50/p90/p99), in seconds; null when {@code count} is 0.
 */
public record Aht(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds, Double p99Seconds) {

    public static final Aht EMPTY = new Aht(0, null, null, null, null);

    /** The AHT of these handle times in milliseconds (any order; the array is not modified). */
    public static Aht of(long... handleMillis) {
        return of(DurationDistribution.of(handleMillis));
    }

    /** The AHT of a distribution of handle times. */
    public static Aht of(DurationDistribution handleTimes) {
        DurationStats s = handleTimes.stats();
        return new Aht(s.count(), s.meanSeconds(), s.p50Seconds(), s.p90Seconds(), s.p99Seconds());
    }
}
