package io.tierline.metrics.kpi;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A mergeable histogram of durations in whole milliseconds, bounded in size: each duration is counted in its
 * bucket, the duration with every digit after the first three (decimal) set to zero: 987 ms is its own bucket,
 * 1,234 ms is in 1,230, 123,456 ms in 123,000. So a bucket is at most 1% wide (0.1% at the top of a decade) and
 * a distribution holds at most 900 buckets per power of ten, however many durations it counts: a day of a busy
 * queue stays a few kilobytes. The count and the sum are exact. Merging adds bucket counts and sums, so windows
 * and partitions combine exactly: the merge has the buckets of the union of their inputs. {@link #stats()} is the
 * one definition of the duration statistics (mean of the exact sum rounded half-up to the millisecond,
 * nearest-rank percentiles over the buckets, see {@link Percentiles}). Not thread-safe.
 */
public final class DurationDistribution {

    /** Below it a duration is its own bucket: three decimal digits. */
    private static final long EXACT_BELOW = 1_000;

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

    /**
     * A distribution as {@link #buckets()} and {@link #sumMillis()} described it (what a state store keeps).
     *
     * @throws IllegalArgumentException if a key is no bucket, a count is not positive, or the sum is impossible
     */
    public static DurationDistribution ofBuckets(Map<Long, Long> buckets, long sumMillis) {
        DurationDistribution d = new DurationDistribution();
        long least = 0;
        for (Map.Entry<Long, Long> e : buckets.entrySet()) {
            if (e.getKey() < 0 || bucketOf(e.getKey()) != e.getKey() || e.getValue() < 1) {
                throw new IllegalArgumentException("not a bucket and its count: " + e);
            }
            d.counts.merge(e.getKey(), e.getValue(), Math::addExact);
            d.count = Math.addExact(d.count, e.getValue());
            least = Math.addExact(least, Math.multiplyExact(e.getKey(), e.getValue()));
        }
        if (sumMillis < least) {
            throw new IllegalArgumentException("a sum of " + sumMillis + " ms is below its buckets' " + least);
        }
        d.sum = sumMillis;
        return d;
    }

    /** The bucket of a duration: the duration with every decimal digit after the first three set to zero. */
    public static long bucketOf(long millis) {
        if (millis < EXACT_BELOW) {
            return millis;
        }
        long unit = 1;
        for (long rest = millis; rest >= EXACT_BELOW; rest /= 10) {
            unit *= 10;
        }
        return millis - millis % unit;
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
        counts.merge(bucketOf(millis), times, Math::addExact);
        count = Math.addExact(count, times);
        sum = Math.addExact(sum, Math.multiplyExact(millis, times));
        return this;
    }

    /** Adds every duration of {@code other} (which is not changed). */
    public DurationDistribution merge(DurationDistribution other) {
        other.counts.forEach((bucket, times) -> counts.merge(bucket, times, Math::addExact));
        count = Math.addExact(count, other.count);
        sum = Math.addExact(sum, other.sum);
        return this;
    }

    public long count() {
        return count;
    }

    public long sumMillis() {
        return sum;
    }

    /** Bucket ({@link #bucketOf}) to how many durations it counts, ascending; read-only. */
    public NavigableMap<Long, Long> buckets() {
        return java.util.Collections.unmodifiableNavigableMap(counts);
    }

    /** The nearest-rank percentile in milliseconds: the bucket of that rank; {@code count() > 0} required. */
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
        return o instanceof DurationDistribution d && d.sum == sum && d.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return 31 * counts.hashCode() + Long.hashCode(sum);
    }

    @Override
    public String toString() {
        return "DurationDistribution" + counts + " sum " + sum;
    }
}
