package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankIsTheCeilingOfPTimesNOverAHundred() {
        // n = 10: p50 -> ceil(5) = 5, p90 -> ceil(9) = 9 (exactly, no floating-point 9.000000001), p99 -> ceil(9.9) = 10
        assertEquals(5, Percentiles.nearestRank(50, 10));
        assertEquals(9, Percentiles.nearestRank(90, 10));
        assertEquals(10, Percentiles.nearestRank(99, 10));
        // n = 1: every percentile is the only value
        assertEquals(1, Percentiles.nearestRank(1, 1));
        assertEquals(1, Percentiles.nearestRank(99, 1));
        // n = 7: p50 -> ceil(3.5) = 4, p90 -> ceil(6.3) = 7
        assertEquals(4, Percentiles.nearestRank(50, 7));
        assertEquals(7, Percentiles.nearestRank(90, 7));
        // n = 200: p99 -> ceil(198) = 198, p100 -> 200
        assertEquals(198, Percentiles.nearestRank(99, 200));
        assertEquals(200, Percentiles.nearestRank(100, 200));
    }

    @Test
    void picksAnObservedValueNeverAnInterpolation() {
        long[] sorted = {10, 20, 30, 40};
        assertEquals(20, Percentiles.of(sorted, 50)); // rank ceil(2) = 2
        assertEquals(40, Percentiles.of(sorted, 90)); // rank ceil(3.6) = 4
        assertEquals(10, Percentiles.of(sorted, 25)); // rank ceil(1) = 1
        assertEquals(30, Percentiles.of(sorted, 51)); // rank ceil(2.04) = 3
    }

    @Test
    void rejectsNoValuesAndPercentsOutside1To100() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(50, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(0, 5));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(101, 5));
    }
}
