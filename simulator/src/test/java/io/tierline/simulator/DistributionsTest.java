package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void logNormalDrawsHaveTheMedianAndMeanAsked() {
        LogNormal d = new LogNormal(40, 0.5);
        SplittableRandom r = new SplittableRandom(1);
        long[] draws = new long[20_000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = d.sampleMillis(r);
        }
        Arrays.sort(draws);
        assertEquals(40_000, draws[draws.length / 2], 1_500, "median");
        assertEquals(d.meanSeconds() * 1000, Arrays.stream(draws).average().orElseThrow(), 1_000, "mean");
        assertEquals(45.33, d.meanSeconds(), 0.01, "40 * exp(0.125)");
    }

    @Test
    void weightsAreHonouredAndReproducible() {
        Weighted<String> w = new Weighted<>("mix", Map.of("a", 1.0, "b", 3.0, "c", 0.0));
        SplittableRandom r = new SplittableRandom(2);
        int b = 0;
        for (int i = 0; i < 10_000; i++) {
            String v = w.pick(r);
            assertEquals(false, v.equals("c"), "a zero weight is never picked");
            b += v.equals("b") ? 1 : 0;
        }
        assertEquals(7_500, b, 200);
    }

    @Test
    void badWeightsAreRejectedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Weighted<>("arrivals.channels", Map.of("x", 0.0)));
        assertEquals("arrivals.channels weights must not all be 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LogNormal(0, 1));
    }

    @Test
    void independentStreamsDoNotDependOnOrder() {
        double first = Randoms.of(1, "agent-1", "contact-9").nextDouble();
        Randoms.of(1, "agent-2", "contact-3").nextDouble();
        assertEquals(first, Randoms.of(1, "agent-1", "contact-9").nextDouble());
        assertEquals(false, first == Randoms.of(2, "agent-1", "contact-9").nextDouble());
    }

    @Test
    void latencyPercentilesInMillisecondsWithinTheHistogramsPrecision() {
        Latencies l = new Latencies();
        assertEquals(true, Double.isNaN(l.percentileMillis(0.5)), "no samples, no percentile");
        for (int i = 100; i >= 1; i--) {
            l.record(i * 1000L);
        }
        // HdrHistogram with 3 significant digits: within 0.1% of the exact nearest-rank percentile
        assertEquals(50.0, l.percentileMillis(0.5), 0.05);
        assertEquals(99.0, l.percentileMillis(0.99), 0.099);
        assertEquals(100.0, l.percentileMillis(0.999), 0.1);
        assertEquals(100, l.count());
        l.reset();
        assertEquals(0, l.count());
    }
}
