package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AhtTest {

    @Test
    void meanAndNearestRankPercentilesOfASmallSample() {
        // Handle times in seconds, given unsorted: 300, 60, 120, 90, 600, 240, 180, 30, 150, 210
        // sorted: 30 60 90 120 150 180 210 240 300 600; sum 1980 -> mean 198
        // p50 = rank ceil(5) = 5 -> 150; p90 = rank 9 -> 300; p99 = rank ceil(9.9) = 10 -> 600
        long[] millis = {300_000, 60_000, 120_000, 90_000, 600_000, 240_000, 180_000, 30_000, 150_000, 210_000};
        long[] copy = millis.clone();

        Aht aht = Aht.of(millis);

        assertEquals(new Aht(10, 198.0, 150.0, 300.0, 600.0), aht);
        assertArrayEquals(copy, millis, "the input is not reordered");
    }

    @Test
    void meanIsRoundedHalfUpToTheMillisecond() {
        // 100 + 102 + 100 = 302 ms / 3 = 100.666.. ms -> 101 ms; p50 = rank 2 -> 100 ms; p90, p99 = rank 3 -> 102 ms
        assertEquals(new Aht(3, 0.101, 0.1, 0.102, 0.102), Aht.of(100, 102, 100));
        // 1000 + 1002 + 1000 = 3002 ms / 3 -> 1001 ms from the exact sum; the percentiles are buckets of three
        // digits: 1002 ms is in the 1000 ms bucket, so p90 = p99 = rank 3 -> 1000 ms
        assertEquals(new Aht(3, 1.001, 1.0, 1.0, 1.0), Aht.of(1000, 1002, 1000));
        // 1 + 2 = 3 ms / 2 = 1.5 ms -> 2 ms
        assertEquals(0.002, Aht.of(1, 2).meanSeconds());
    }

    @Test
    void oneHandlingIsEveryStatistic() {
        assertEquals(new Aht(1, 42.5, 42.5, 42.5, 42.5), Aht.of(42_500));
    }

    @Test
    void noHandlingsHasACountOfZeroAndNoStatistics() {
        assertEquals(new Aht(0, null, null, null, null), Aht.of());
    }

    @Test
    void rejectsANegativeHandleTime() {
        assertThrows(IllegalArgumentException.class, () -> Aht.of(1000, -1));
    }
}
