package io.tierline.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker or the MongoDB wire store as its own process ({@code io.tierline.embedded.TierlineInfra}, as
 * the local run starts them), on fixed ports and a data folder that outlive it: stopped, killed and started
 * again by the fault tests, it comes back with its data.
 */
final class InfraProcess implements AutoCloseable {

    private final String part;
    private final int port;
    private final int controllerPort;
    private final Path data;
    private final Path log;
    private Process process;

    private InfraProcess(String part, int port, int controllerPort, Path data, Path log) {
        this.part = part;
        this.port = port;
        this.controllerPort = controllerPort;
        this.data = data;
        this.log = log;
    }

    /** {@code kafka} (4 partitions a topic) or {@code mongodb}, started and ready. */
    static InfraProcess start(String part, int port, int controllerPort, Path data, Path logDir) throws Exception {
        Files.createDirectories(logDir);
        InfraProcess infra = new InfraProcess(part, port, controllerPort, data, logDir.resolve(part + ".log"));
        return infra.launch();
    }

    InfraProcess launch() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(part + " is still running");
        }
        long from = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "io.tierline.embedded.TierlineInfra", part))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TIERLINE_DATA", data.toString());
        builder.environment().put("KAFKA_PORT", Integer.toString(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        builder.environment().put("MONGODB_PORT", Integer.toString(port));
        builder.environment().put("KAFKA_PARTITIONS", "4");
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String written = Files.readString(log);
            if (written.length() > from && written.substring((int) from).lines().anyMatch(l -> l.startsWith("READY"))) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(part + " exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(part + " not ready within 90 s; see " + log);
    }

    String address() {
        return part.equals("kafka") ? "127.0.0.1:" + port : "mongodb://127.0.0.1:" + port;
    }

    /** SIGTERM: the broker or store shuts down cleanly, as in an orderly restart. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return part + " (pid " + (process == null ? "-" : process.pid()) + ")";
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
