package io.tierline.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole machine's busy CPU ({@link MachineCpu}) sampled every {@code periodMs} on a daemon thread, so a benchmark
 * can ask afterwards how much CPU a window cost that only the load generator knows the bounds of.
 */
final class CpuTimeline implements AutoCloseable {

    private final List<long[]> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuTimeline(long periodMs) {
        sample();
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "cpu-timeline");
        sampler.setDaemon(true);
        sampler.start();
    }

    static CpuTimeline start(long periodMs) {
        return new CpuTimeline(periodMs);
    }

    /** Records one sample now: epoch milliseconds and busy milliseconds. */
    private void sample() {
        double busy = MachineCpu.busyMs();
        if (busy >= 0) {
            synchronized (samples) {
                samples.add(new long[] {System.currentTimeMillis(), (long) busy});
            }
        }
    }

    /** Busy milliseconds between two instants (epoch ms), interpolated between samples; NaN outside the samples. */
    double busyMsBetween(long fromMillis, long untilMillis) {
        synchronized (samples) {
            return at(samples, untilMillis) - at(samples, fromMillis);
        }
    }

    /** Busy milliseconds at an instant, linear between the samples around it; NaN outside them. */
    static double at(List<long[]> samples, long millis) {
        for (int i = 1; i < samples.size(); i++) {
            long[] before = samples.get(i - 1);
            long[] after = samples.get(i);
            if (millis >= before[0] && millis <= after[0]) {
                double share = after[0] == before[0] ? 0 : (double) (millis - before[0]) / (after[0] - before[0]);
                return before[1] + share * (after[1] - before[1]);
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
