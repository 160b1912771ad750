package io.tierline.intake;

import io.tierline.intake.auth.GatewayKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged intake (target/quarkus-app/quarkus-run.jar) as its own JVM process, for the failsafe ITs: its
 * settings in the environment as a launcher would give them, its output in a log file under target/.
 */
final class IntakeProcess implements AutoCloseable {

    /** The IT gateway's key (a test key, not a credential); the process gets only its hash. */
    static final String KEY = "tierline-it-gateway-key";

    private final Process process;
    private final Path log;
    private final long logFrom;
    private final int port;

    private IntakeProcess(Process process, Path log, long logFrom, int port) {
        this.logFrom = logFrom;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The environment of an intake with one gateway ("it", every channel) on this broker and store. */
    static Map<String, String> env(String kafka, String mongo) {
        var env = new HashMap<String, String>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MONGODB_URI", mongo);
        env.put("TIERLINE_INTAKE_GATEWAYS_IT_KEY_SHA256", GatewayKeys.sha256Hex(KEY));
        env.put("TIERLINE_INTAKE_GATEWAYS_IT_CHANNELS", "PHONE,CHAT,EMAIL,SMS,SOCIAL");
        return env;
    }

    static IntakeProcess start(String name, int port, Map<String, String> env) throws IOException {
        return start(name, port, env, "256m");
    }

    /** @param heap the process's {@code -Xmx}, e.g. {@code 256m} */
    static IntakeProcess start(String name, int port, Map<String, String> env, String heap) throws IOException {
        return start(name, port, env, heap, null);
    }

    /**
     * @param heap the process's {@code -Xmx}, e.g. {@code 256m}
     * @param cpus the CPUs the process may run on ({@code taskset -c} list), or null for any
     */
    static IntakeProcess start(String name, int port, Map<String, String> env, String heap, String cpus)
            throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the ITs with `verify`");
        }
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        Path log = Path.of("target/it-logs", name + ".log");
        Files.createDirectories(log.getParent());
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new IntakeProcess(builder.start(), log, logFrom, port);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Process process() {
        return process;
    }

    /** What this process wrote to its log (the file may hold earlier runs' output before it). */
    String log() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logFrom, all.length);
        return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("intake exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("intake not ready within " + timeout + "; see " + log);
    }

    /** POST /contacts as the IT gateway. */
    HttpResponse<String> postContact(HttpClient client, String idempotencyKey, String json, Duration timeout)
            throws IOException, InterruptedException {
        return client.send(contactRequest(idempotencyKey, json, timeout), HttpResponse.BodyHandlers.ofString());
    }

    /** The request of {@link #postContact}, to send as the caller likes (e.g. asynchronously). */
    HttpRequest contactRequest(String idempotencyKey, String json, Duration timeout) {
        return HttpRequest.newBuilder(uri("/contacts"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("X-Api-Key", KEY)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A valid SMS contact of a customer. */
    static String smsContact(String customerId) {
        return "{\"channel\":\"SMS\",\"customer\":{\"id\":\"" + customerId + "\"},"
                + "\"message\":\"Please call me back\",\"sms\":{\"from\":\"+4400000\"}}";
    }

    /** The contactId of a 202 answer. */
    static String contactId(HttpResponse<String> response) {
        var m = java.util.regex.Pattern.compile("\"contactId\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no contactId in " + response.body());
        }
        return m.group(1);
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
