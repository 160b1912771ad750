package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DurationDistributionTest {

    @Test
    void statsAreTheMeanAndNearestRankPercentilesWithRepeatedValues() {
        // 10 s three times, 20 s twice, 95 s once: n = 6, sum 10+10+10+20+20+95 = 165 s -> mean 27.5 s
        // p50 = rank ceil(3) = 3 -> 10 s; p90 = rank ceil(5.4) = 6 -> 95 s; p99 = rank 6 -> 95 s
        DurationDistribution d = DurationDistribution.of(20_000, 10_000, 95_000, 10_000, 20_000, 10_000);
        assertEquals(new DurationStats(6, 27.5, 10.0, 95.0, 95.0), d.stats());
        assertEquals(165_000, d.sumMillis());
        assertEquals(3L, d.buckets().get(10_000L));
    }

    @Test
    void mergingTwoWindowsGivesTheStatsOfTheirUnion() {
        // window A: 60, 120 s; window B: 180, 600 s. Union: mean 240, p50 rank 2 -> 120, p90 rank 4 -> 600
        DurationDistribution a = DurationDistribution.of(60_000, 120_000);
        DurationDistribution b = DurationDistribution.of(600_000, 180_000);
        DurationDistribution merged = new DurationDistribution().merge(a).merge(b);
        assertEquals(new DurationStats(4, 240.0, 120.0, 600.0, 600.0), merged.stats());
        assertEquals(DurationDistribution.of(60_000, 120_000, 180_000, 600_000), merged);
        assertEquals(2, a.count(), "the merged-in distribution is not changed");
        // A alone: mean 90, p50 rank 1 -> 60, p90 rank ceil(1.8) = 2 -> 120
        assertEquals(new DurationStats(2, 90.0, 60.0, 120.0, 120.0), a.stats());
    }

    @Test
    void theMeanIsRoundedHalfUpToTheMillisecond() {
        // 1 + 2 = 3 ms / 2 = 1.5 -> 2 ms; 1000 + 1002 + 1000 = 3002 / 3 = 1000.67 -> 1001 ms; 4 / 3 = 1.33 -> 1 ms
        assertEquals(2, DurationDistribution.of(1, 2).meanMillis());
        assertEquals(1001, DurationDistribution.of(1000, 1002, 1000).meanMillis());
        assertEquals(1, DurationDistribution.of(1, 1, 2).meanMillis());
    }

    @Test
    void p99OfAHundredValuesIsRank99() {
        // 1..100 ms: p50 = rank 50 -> 50 ms, p90 = rank 90 -> 90 ms, p99 = rank 99 -> 99 ms, mean 50.5 -> 51 ms
        DurationDistribution d = new DurationDistribution();
        for (long ms = 100; ms >= 1; ms--) {
            d.add(ms);
        }
        assertEquals(new DurationStats(100, 0.051, 0.05, 0.09, 0.099), d.stats());
    }

    @Test
    void aBucketKeepsThreeDecimalDigitsOfTheDuration() {
        assertEquals(0, DurationDistribution.bucketOf(0));
        assertEquals(999, DurationDistribution.bucketOf(999));
        assertEquals(1_000, DurationDistribution.bucketOf(1_009));
        assertEquals(1_230, DurationDistribution.bucketOf(1_234));
        assertEquals(123_000, DurationDistribution.bucketOf(123_456));
        assertEquals(300_000, DurationDistribution.bucketOf(300_999));
        assertEquals(9_990_000_000L, DurationDistribution.bucketOf(9_999_999_999L));
    }

    @Test
    void percentilesAreBucketsAndTheMeanIsExact() {
        // 1,234, 1,238, 5,678 and 123,456 ms: buckets 1,230 (twice), 5,670, 123,000; sum 131,606 -> mean 32,901.5
        // -> 32,902 ms (half-up); p50 rank 2 -> 1,230 ms; p90 rank ceil(3.6) = 4 -> 123,000 ms
        DurationDistribution d = DurationDistribution.of(1_234, 123_456, 1_238, 5_678);
        assertEquals(new DurationStats(4, 32.902, 1.23, 123.0, 123.0), d.stats());
        assertEquals(131_606, d.sumMillis());
        assertEquals(java.util.Map.of(1_230L, 2L, 5_670L, 1L, 123_000L, 1L), d.buckets());
    }

    @Test
    void aMillionDistinctDurationsStayInAFewThousandBuckets() {
        // 1 ms to 1,000,000 ms (about 17 minutes), every one: 999 exact buckets below 1 s, then 900 per decade
        DurationDistribution d = new DurationDistribution();
        for (long ms = 1; ms <= 1_000_000; ms++) {
            d.add(ms);
        }
        assertEquals(999 + 3 * 900 + 1, d.buckets().size());
        assertEquals(1_000_000, d.count());
        assertEquals(500_000_500_000L, d.sumMillis());
        // p50: rank 500,000 -> 500,000 ms, in bucket 500,000; p99: rank 990,000 -> bucket 990,000
        assertEquals(500_000, d.percentileMillis(50));
        assertEquals(990_000, d.percentileMillis(99));
    }

    @Test
    void aDistributionIsRebuiltFromItsBucketsAndSum() {
        DurationDistribution d = DurationDistribution.of(1_234, 1_238, 40);
        assertEquals(d, DurationDistribution.ofBuckets(d.buckets(), d.sumMillis()));
        assertThrows(IllegalArgumentException.class,
                () -> DurationDistribution.ofBuckets(java.util.Map.of(1_234L, 1L), 1_234), "1,234 is no bucket");
        assertThrows(IllegalArgumentException.class,
                () -> DurationDistribution.ofBuckets(java.util.Map.of(1_230L, 2L), 2_000), "below 2 x 1,230");
        assertThrows(IllegalArgumentException.class,
                () -> DurationDistribution.ofBuckets(java.util.Map.of(1_230L, 0L), 0), "no count");
    }

    @Test
    void emptyHasNoStatisticsAndNegativeDurationsAreRejected() {
        assertEquals(DurationStats.EMPTY, new DurationDistribution().stats());
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.of(5, -1));
        assertThrows(IllegalStateException.class, () -> new DurationDistribution().percentileMillis(50));
    }

    @Test
    void ahtIsDefinedByTheDistribution() {
        assertEquals(new Aht(4, 240.0, 120.0, 600.0, 600.0),
                Aht.of(DurationDistribution.of(60_000, 120_000, 180_000, 600_000)));
        assertEquals(Aht.of(60_000, 120_000), Aht.of(DurationDistribution.of(120_000, 60_000)));
    }
}
