package io.tierline.metrics.kpi;

/**
 * Percentiles by the nearest-rank method: of n values sorted ascending, the p-th percentile is the value at
 * rank {@code ceil(p / 100 * n)} (1-based, at least 1). It is always one of the observed values, never an
 * interpolation. Computed with integers, so {@code p = 90, n = 10} is rank 9 exactly.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The 1-based nearest rank of percentile {@code percent} (1..100) among {@code n > 0} values. */
    public static int nearestRank(int percent, int n) {
        return Math.toIntExact(nearestRank(percent, (long) n));
    }

    /** The 1-based nearest rank of percentile {@code percent} (1..100) among {@code n > 0} values. */
    public static long nearestRank(int percent, long n) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1..100, got " + percent);
        }
        if (n < 1) {
            throw new IllegalArgumentException("no values");
        }
        long rank = Math.addExact(Math.multiplyExact((long) percent, n), 99) / 100;
        return Math.max(1, rank);
    }

    /** The nearest-rank percentile of values already sorted ascending. */
    public static long of(long[] sortedAscending, int percent) {
        return sortedAscending[nearestRank(percent, sortedAscending.length) - 1];
    }
}
