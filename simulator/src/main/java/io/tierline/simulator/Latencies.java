package io.tierline.simulator;

import java.util.Arrays;

/** Latency samples in microseconds, kept exactly (up to a bound) for exact percentiles at the end of a run. */
public final class Latencies {

    private static final int MAX = 5_000_000;

    private long[] samples = new long[1024];
    private int size;
    private long dropped;

    public synchronized void record(long micros) {
        if (size == MAX) {
            dropped++;
            return;
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, Math.min(MAX, size * 2));
        }
        samples[size++] = micros;
    }

    public synchronized void reset() {
        size = 0;
        dropped = 0;
    }

    public synchronized int count() {
        return size;
    }

    public synchronized long dropped() {
        return dropped;
    }

    /** The q-quantile (0..1) in milliseconds by the nearest-rank method, or NaN without samples. */
    public synchronized double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }
}
