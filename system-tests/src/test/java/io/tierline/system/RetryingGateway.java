package io.tierline.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat gateway as a production one behaves: posts contacts at a steady rate, each with its own
 * {@code Idempotency-Key}, and repeats a post with the same key until intake acknowledges it (202) however
 * intake answers meanwhile (503, a refused connection while it restarts, a timeout). The acknowledged contact
 * ids are what the fault tests hold Tierline to.
 */
final class RetryingGateway implements AutoCloseable {

    private static final Pattern CONTACT_ID = Pattern.compile("\"contactId\"\\s*:\\s*\"([^\"]+)\"");

    private final String intake;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService posters = Executors.newFixedThreadPool(16);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentSkipListSet<String> acknowledged = new ConcurrentSkipListSet<>();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicLong posted = new AtomicLong();
    private Thread pacer;

    RetryingGateway(String intake) {
        this.intake = intake;
    }

    /** Posts {@code perSecond} new contacts a second until {@link #stopPosting}. */
    void start(int perSecond) {
        pacer = new Thread(() -> {
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            while (running.get()) {
                posted.incrementAndGet();
                posters.execute(this::postUntilAcknowledged);
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "gateway-pacer");
        pacer.start();
    }

    void stopPosting() throws InterruptedException {
        running.set(false);
        pacer.join();
    }

    /** Waits until every contact posted so far was acknowledged or gave up (at most {@code wait}). */
    void awaitSettled(Duration wait) throws InterruptedException {
        posters.shutdown();
        posters.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    long posted() {
        return posted.get();
    }

    /** How often intake answered what: {@code 202}, {@code 503}, {@code refused} (no connection), {@code timeout}. */
    Map<String, Long> answers() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        answers.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void postUntilAcknowledged() {
        String key = UUID.randomUUID().toString();
        String customer = "cust-" + key.substring(0, 8);
        String body = "{\"channel\":\"CHAT\",\"language\":\"en\",\"subject\":\"Refund\",\"message\":\"My refund is late\","
                + "\"customer\":{\"id\":\"" + customer + "\",\"name\":\"Ada Lovelace\"},\"chat\":{\"sessionId\":\"s-" + key
                + "\"}}";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(intake + "/contacts"))
                        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .header("X-Api-Key", GatewayKey.KEY).header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                count(Integer.toString(r.statusCode()));
                if (r.statusCode() == 202) {
                    Matcher m = CONTACT_ID.matcher(r.body());
                    if (m.find()) {
                        acknowledged.add(m.group(1));
                    }
                    return;
                }
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    return; // refused for good: not acknowledged, not counted
                }
            } catch (java.net.http.HttpTimeoutException e) {
                count("timeout");
            } catch (IOException e) {
                count("refused");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void close() {
        running.set(false);
        posters.shutdownNow();
    }
}
