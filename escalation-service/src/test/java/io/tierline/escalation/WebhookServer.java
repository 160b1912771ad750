package io.tierline.escalation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small engineering webhook on a random loopback port. {@code POST /handoffs} answers 401 to a request without
 * the signature headers, 503 to a hand-off whose body mentions {@code always-fail}, 503 to the first two attempts
 * of one that mentions {@code flaky}, 200 to anything else; every request is kept.
 * {@code GET /received?key=<Idempotency-Key>} answers, one per line, how many requests with that key arrived and
 * the last one's {@code X-Tierline-Timestamp}, {@code X-Tierline-Signature} and body (the test checks the
 * signature with the configured secret). The tests talk to it over HTTP only.
 */
public class WebhookServer implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    private record Received(String timestamp, String signature, String body) {
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/handoffs", this::handoff);
        server.createContext("/received", this::report);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "tierline.escalation.engineering.webhook-url", base + "/handoffs",
                "tierline.escalation.engineering.first-retry", "PT0.2S",
                "tierline.escalation.engineering.max-retry", "PT0.4S",
                "tierline.escalation.engineering.max-attempts", "3",
                "tierline.escalation.engineering.poll-interval", "PT0.3S",
                "webhook.test.base", base);
    }

    private void handoff(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Tierline-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Tierline-Signature");
        List<Received> bodies = received.computeIfAbsent(key == null ? "" : key, k -> new CopyOnWriteArrayList<>());
        bodies.add(new Received(timestamp, signature, body));
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            respond(exchange, 401, "{\"error\":\"unsigned\"}");
            return;
        }
        boolean ok = !"POST".equals(exchange.getRequestMethod()) ? false
                : body.contains("always-fail") ? false
                : !body.contains("flaky") || bodies.size() > 2;
        respond(exchange, ok ? 200 : 503, ok ? "{\"ticket\":\"ENG-1\"}" : "{\"error\":\"down\"}");
    }

    private void report(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String key = query == null ? "" : query.replaceFirst("^key=", "");
        List<Received> all = received.getOrDefault(key, List.of());
        Received last = all.isEmpty() ? new Received("", "", "") : all.get(all.size() - 1);
        respond(exchange, 200, all.size() + "\n" + last.timestamp() + "\n" + last.signature() + "\n" + last.body());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
