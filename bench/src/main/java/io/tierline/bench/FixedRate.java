package io.tierline.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate schedule: calls the action for each tick at {@code perSecond} for {@code duration}, with the
 * tick's number and the time it was due. Latencies count from the due time, so a sender that falls behind its
 * schedule does not hide the wait it causes (coordinated omission).
 */
final class FixedRate {

    interface Tick {
        void at(long n, long dueNanos) throws Exception;
    }

    private FixedRate() {
    }

    /** @return how many ticks ran */
    static long run(double perSecond, Duration duration, Tick tick) throws Exception {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long n = 0;
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            tick.at(n++, due);
        }
        return n;
    }
}
