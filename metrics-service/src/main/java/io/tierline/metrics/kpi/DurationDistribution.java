package io.tierline.metrics.kpi;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An exact, mergeable distribution of durations in whole milliseconds: the count of every distinct value.
 * Merging two distributions gives exactly the distribution of the union of their inputs, so windows and
 * partitions combine without error. {@link #stats()} is the one definition of the duration statistics (mean
 * rounded half-up to the millisecond, nearest-rank percentiles, see {@link Percentiles}). Not thread-safe.
 */
public final class DurationDistribution {

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long count;
    private long sum;

    /** The distribution of these durations in milliseconds. */
    public static DurationDistribution of(long... millis) {
        DurationDistribution d = new DurationDistribution();
        for (long m : millis) {
            d.add(m);
        }
        return d;
    }

    /** Adds one duration. */
    public DurationDistribution add(long millis) {
        return add(millis, 1);
    }

    /** Adds {@code times} durations of {@code millis} each. */
    public DurationDistribution add(long millis, long times) {
        if (millis < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + millis);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        counts.merge(millis, times, Math::addExact);
        count = Math.addExact(count, times);
        sum = Math.addExact(sum, Math.multiplyExact(millis, times));
        return this;
    }

    /** Adds every duration of {@code other} (which is not changed). */
    public DurationDistribution merge(DurationDistribution other) {
        other.counts.forEach(this::add);
        return this;
    }

    public long count() {
        return count;
    }

    public long sumMillis() {
        return sum;
    }

    /** Distinct value to how often it occurred, ascending; read-only. */
    public NavigableMap<Long, Long> counts() {
        return java.util.Collections.unmodifiableNavigableMap(counts);
    }

    /** The nearest-rank percentile in milliseconds; {@code count() > 0} required. */
    public long percentileMillis(int percent) {
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        long rank = Percentiles.nearestRank(percent, count);
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count);
    }

    /** The mean in milliseconds, rounded half-up; {@code count() > 0} required. */
    public long meanMillis() {
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        // half-up on non-negative integers, without floating point: floor((2 * sum + count) / (2 * count))
        return Math.floorDiv(Math.addExact(Math.multiplyExact(2, sum), count), Math.multiplyExact(2, count));
    }

    /** count, mean and p50/p90/p99 in seconds; the statistics are null when empty. */
    public DurationStats stats() {
        if (count == 0) {
            return DurationStats.EMPTY;
        }
        return new DurationStats(count, seconds(meanMillis()), seconds(percentileMillis(50)),
                seconds(percentileMillis(90)), seconds(percentileMillis(99)));
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationDistribution d && d.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "DurationDistribution" + counts;
    }
}
