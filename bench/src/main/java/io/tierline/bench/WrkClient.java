package io.tierline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drives {@code POST /contacts} with wrk (closed loop, {@code connections} connections on two threads) and its
 * script {@code wrk/contacts.lua}: a new Idempotency-Key per request, a body template (the Java client's
 * {@link IntakeThroughputBench#BODY}, or one intake rejects; handed over in the environment). wrk costs the
 * shared cores far less than a JVM client does. Latency is wrk's, per request from send to answer.
 */
final class WrkClient {

    private static final Pattern FIGURES = Pattern.compile(
            "TIERLINE accepted=(\\d+) other=(\\d+) errors=(\\d+) p50us=(\\d+) p99us=(\\d+) seconds=([0-9.]+)");

    private WrkClient() {
    }

    /** Whether a {@code wrk} executable is on the PATH. */
    static boolean available() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "wrk")));
    }

    /** The body template is {@link IntakeThroughputBench#BODY} or another with the same three {@code %d}. */
    static IntakeThroughputBench.Load run(String baseUrl, String apiKey, String runId, int connections,
            Duration duration, String bodyTemplate)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("tierline-wrk-", ".lua");
        try {
            try (InputStream in = WrkClient.class.getResourceAsStream("/wrk/contacts.lua")) {
                Files.write(script, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of("wrk", "-t", "2", "-c", Integer.toString(connections),
                    "-d", duration.toSeconds() + "s", "--timeout", "30s", "-s", script.toString(), baseUrl));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(Map.of("TIERLINE_BENCH_API_KEY", apiKey, "TIERLINE_BENCH_RUN", runId,
                    "TIERLINE_BENCH_BODY", bodyTemplate));
            Process wrk = builder.start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = wrk.waitFor();
            Matcher m = FIGURES.matcher(out);
            if (exit != 0 || !m.find()) {
                throw new IllegalStateException("wrk exited " + exit + " without its figures:\n" + out);
            }
            return new IntakeThroughputBench.Load(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0,
                    Double.parseDouble(m.group(6)));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
