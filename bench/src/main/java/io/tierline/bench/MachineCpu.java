package io.tierline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's busy CPU time from Linux's {@code /proc/stat}: every process on every core (the service, the
 * broker and store, the load generator), so a figure per request says what the request cost the machine.
 */
final class MachineCpu {

    /** Linux reports {@code /proc/stat} in USER_HZ ticks, 100 per second on every mainstream architecture. */
    private static final double MS_PER_TICK = 10.0;
    private static final Path STAT = Path.of("/proc/stat");

    private MachineCpu() {
    }

    /** Busy milliseconds of all cores so far; negative where {@code /proc/stat} cannot be read. */
    static double busyMs() {
        try {
            for (String line : Files.readAllLines(STAT)) {
                if (line.startsWith("cpu ")) {
                    return busyMs(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Busy milliseconds in the aggregate line {@code cpu user nice system idle iowait irq softirq steal ...}: all
     * but idle and iowait (guest time is counted within user already).
     */
    static double busyMs(String aggregateLine) {
        String[] f = aggregateLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * MS_PER_TICK;
    }

    /** Busy milliseconds since {@code fromMs} per operation, or NaN when either reading failed or nothing ran. */
    static double msPerOperation(double fromMs, double toMs, long operations) {
        return fromMs < 0 || toMs < 0 || operations <= 0 ? Double.NaN : (toMs - fromMs) / operations;
    }
}
