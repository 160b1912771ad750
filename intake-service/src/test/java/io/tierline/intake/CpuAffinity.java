package io.tierline.intake;

import java.io.IOException;

/** Pins this JVM's threads to CPUs with Linux {@code taskset}, so that a load test's parts do not share one. */
final class CpuAffinity {

    private CpuAffinity() {
    }

    /** Every CPU of the machine, as a {@code taskset} list. */
    static String all() {
        return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Moves every thread of this JVM to {@code cpus}; fails if {@code taskset} cannot. */
    static void pinThisJvm(String cpus) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset failed: " + output);
        }
    }
}
