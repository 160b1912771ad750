package io.tierline.simulator;

import org.HdrHistogram.Histogram;

/**
 * Latency samples in microseconds in an HdrHistogram (3 significant digits: a percentile is within 0.1% of the
 * exact one), from 1 µs to an hour; longer samples count as an hour. Callers record from the time a request was
 * due on its fixed schedule, so a stalled sender cannot hide the wait it caused (coordinated omission).
 */
public final class Latencies {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final Histogram histogram = new Histogram(MAX_MICROS, 3);

    public synchronized void record(long micros) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, micros)));
    }

    public synchronized void reset() {
        histogram.reset();
    }

    public synchronized int count() {
        return (int) histogram.getTotalCount();
    }

    /** The q-quantile (0..1) in milliseconds, or NaN without samples. */
    public synchronized double percentileMillis(double q) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(q * 100) / 1000.0;
    }
}
