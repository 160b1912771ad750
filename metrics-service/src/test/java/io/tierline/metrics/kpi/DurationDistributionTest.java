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
        assertEquals(3L, d.counts().get(10_000L));
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
