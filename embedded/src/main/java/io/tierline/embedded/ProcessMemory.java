package io.tierline.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident set size from Linux {@code /proc/<pid>/status}, in MB; -1 where that cannot be read. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The resident set size now ({@code VmRSS}). */
    public static long rssMb(long pid) {
        return field(pid, "VmRSS:");
    }

    /** The peak resident set size so far ({@code VmHWM}). */
    public static long peakRssMb(long pid) {
        return field(pid, "VmHWM:");
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}
