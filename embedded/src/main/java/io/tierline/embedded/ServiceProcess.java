package io.tierline.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Tierline service ({@code <module>/target/quarkus-app}) running as its own JVM process, its output
 * in a log file: what system tests and benchmarks start, stop, kill and restart. It trusts the tokens of this
 * JVM's {@link JvmTokens} unless the properties say otherwise.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path root;
    private final String module;
    private final int port;
    private final Map<String, String> env;
    private final Map<String, String> properties;
    private final Path log;
    private final String heap;
    private Process process;

    private ServiceProcess(Path root, String module, int port, Map<String, String> env, Map<String, String> properties,
            Path log, String heap) {
        this.root = root;
        this.module = module;
        this.port = port;
        this.env = Map.copyOf(env);
        this.properties = Map.copyOf(properties);
        this.log = log;
        this.heap = heap;
    }

    /** Starts {@code module} on {@code port} with the given environment and system properties (heap 256 MB). */
    public static ServiceProcess start(Path root, String module, int port, Map<String, String> env,
            Map<String, String> properties, Path logDir) throws IOException {
        return start(root, module, port, env, properties, logDir, "256m");
    }

    public static ServiceProcess start(Path root, String module, int port, Map<String, String> env,
            Map<String, String> properties, Path logDir, String heap) throws IOException {
        Files.createDirectories(logDir);
        ServiceProcess service = new ServiceProcess(root, module, port, env, properties,
                logDir.resolve(module + "-" + port + ".log"), heap);
        service.launch();
        return service;
    }

    private void launch() throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Dquarkus.http.port=" + port);
        Map<String, String> settings = new java.util.HashMap<>(JvmTokens.verifierProperties());
        settings.putAll(properties);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
        Orphans.watch(process);
    }

    /**
     * Services started by this JVM are stopped when it exits, however it exits short of kill -9 (an interrupted
     * benchmark or test run must not leave services running, holding ports and CPU).
     */
    private static final class Orphans {

        private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(Orphans::stopAll, "service-process-reaper"));
        }

        static void watch(Process process) {
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
        }

        private static void stopAll() {
            LIVE.forEach(Process::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Process p : LIVE) {
                try {
                    if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
        }
    }

    public String module() {
        return module;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The process's peak resident set size in MB (Linux {@code VmHWM}), or -1 where that cannot be read. */
    public long peakRssMb() {
        return ProcessMemory.peakRssMb(process.pid());
    }

    /** The process's resident set size now in MB (Linux {@code VmRSS}), or -1 where that cannot be read. */
    public long currentRssMb() {
        return ProcessMemory.rssMb(process.pid());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process exits. */
    public ServiceProcess awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(module + " not ready within " + timeout + "; see " + log);
    }

    /** kill -9: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the same service again (same port, settings and log file) after a stop or a kill. */
    public ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(module + " is still running");
        }
        launch();
        return this;
    }

    /** A graceful stop (SIGTERM), forced after 15 s. */
    @Override
    public void close() throws InterruptedException {
        closeAll(List.of(this));
    }

    /**
     * Stops the services at once, as a cluster shuts down, instead of one after the other: each gets SIGTERM, and
     * whichever has not exited 15 s later is killed.
     */
    public static void closeAll(java.util.Collection<ServiceProcess> services) throws InterruptedException {
        List<Process> running = services.stream().map(s -> s.process).filter(p -> p != null && p.isAlive()).toList();
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Process p : running) {
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
