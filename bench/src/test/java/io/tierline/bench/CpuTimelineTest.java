package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTimelineTest {

    /** Samples of epoch ms and busy ms: 1 core busy for the first second, 2 for the next. */
    private static final List<long[]> SAMPLES = List.of(new long[] {10_000, 500}, new long[] {11_000, 1_500},
            new long[] {12_000, 3_500});

    @Test
    void busyTimeBetweenSamplesIsInterpolatedLinearly() {
        assertEquals(500, CpuTimeline.at(SAMPLES, 10_000));
        assertEquals(1_000, CpuTimeline.at(SAMPLES, 10_500));
        assertEquals(2_500, CpuTimeline.at(SAMPLES, 11_500));
        assertEquals(3_500, CpuTimeline.at(SAMPLES, 12_000));
    }

    @Test
    void anInstantOutsideTheSamplesHasNoFigure() {
        assertTrue(Double.isNaN(CpuTimeline.at(SAMPLES, 9_999)));
        assertTrue(Double.isNaN(CpuTimeline.at(SAMPLES, 12_001)));
        assertTrue(Double.isNaN(CpuTimeline.at(List.of(new long[] {10_000, 500}), 10_000)), "one sample is no span");
    }

    @Test
    void aLiveTimelineCountsTheBusyTimeOfAWindowWhileThisThreadSpins() throws Exception {
        long from = System.currentTimeMillis();
        double busy;
        try (CpuTimeline timeline = CpuTimeline.start(50)) {
            long until = from + 400;
            long spin = 0;
            while (System.currentTimeMillis() < until) {
                spin++;
            }
            assertTrue(spin > 0);
            Thread.sleep(120);
            busy = timeline.busyMsBetween(from + 50, until - 50);
        }
        // a thread spinning for 300 ms keeps at least one core busy for most of it (ticks are 10 ms)
        assertTrue(busy >= 150, "busy ms while spinning: " + busy);
    }
}
