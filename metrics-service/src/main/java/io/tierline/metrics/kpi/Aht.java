package io.tierline.metrics.kpi;

import java.util.Arrays;

/**
 * Average handle time over handlings completed: handle time = talk + hold + after-contact work (accept to end
 * of wrap-up). The mean is rounded half-up to the millisecond; p50, p90 and p99 are nearest-rank percentiles
 * ({@link Percentiles}). All in seconds; the statistics are null when {@code count} is 0.
 */
public record Aht(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds, Double p99Seconds) {

    public static final Aht EMPTY = new Aht(0, null, null, null, null);

    /** The AHT of these handle times in milliseconds (any order; the array is not modified). */
    public static Aht of(long... handleMillis) {
        if (handleMillis.length == 0) {
            return EMPTY;
        }
        long[] sorted = handleMillis.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("a handle time cannot be negative: " + sorted[0]);
        }
        long sum = 0;
        for (long millis : sorted) {
            sum = Math.addExact(sum, millis);
        }
        long meanMillis = Math.round((double) sum / sorted.length);
        return new Aht(sorted.length, seconds(meanMillis),
                seconds(Percentiles.of(sorted, 50)), seconds(Percentiles.of(sorted, 90)),
                seconds(Percentiles.of(sorted, 99)));
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
