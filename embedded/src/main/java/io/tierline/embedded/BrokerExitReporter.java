package io.tierline.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Exit;

/**
 * A broker that fails fatally (for instance its log directory, when the JVM is out of file descriptors) ends its
 * JVM through Kafka's {@link Exit}: {@code halt(1)}, without shutdown hooks, and with its reason only in a log that
 * the JVMs here do not print. An embedded broker ends the JVM it shares with a test or a benchmark, which then
 * vanishes with exit code 1 and no word. This says why, on standard error, before the JVM ends as Kafka asked.
 */
final class BrokerExitReporter {

    private static boolean installed;

    private BrokerExitReporter() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Exit.setExitProcedure((code, message) -> {
            System.err.println(explain("exit", code, message));
            System.exit(code);
        });
        Exit.setHaltProcedure((code, message) -> {
            System.err.println(explain("halt", code, message));
            System.err.flush();
            Runtime.getRuntime().halt(code);
        });
    }

    static String explain(String how, int code, String message) {
        return "The embedded Kafka broker ends this JVM (" + how + " " + code + "): "
                + (message == null ? "no reason given" : message) + "; open file descriptors: " + openFiles();
    }

    /** How many files this process has open, where the system says (Linux), else "unknown". */
    static String openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return Long.toString(fds.count());
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
