package io.tierline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/** JSON over HTTP with java.net.http, asynchronous, as gateways and desktops talk to Tierline. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, parsed JSON body (null when empty or not JSON) and {@code Retry-After} in seconds (or -1). */
    record Answer(int status, JsonNode body, long retryAfterSeconds) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth repeating: the service is restarting, overloaded or lost its store or broker for a moment. */
        boolean transientFailure() {
            return status >= 500 || status == 429;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Http(Executor executor, Duration timeout) {
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    CompletableFuture<Answer> send(String method, String url, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(write(body)));
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), read(r.body()), retryAfter(r)));
    }

    /** Blocking PUT/POST for set-up; throws unless 2xx. */
    Answer call(String method, String url, Object body, Map<String, String> headers) {
        Answer a = send(method, url, body, headers).join();
        if (!a.ok()) {
            throw new IllegalStateException(method + " " + url + " answered " + a.status() + ": " + a.body());
        }
        return a;
    }

    /** Opens a Server-Sent Events stream; lines go to the subscriber. Completes with the HTTP status. */
    CompletableFuture<HttpResponse<Void>> stream(String url, Map<String, String> headers, Flow.Subscriber<String> lines) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(b::header);
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.fromLineSubscriber(lines));
    }

    private static long retryAfter(HttpResponse<?> r) {
        try {
            return r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: not used by Tierline
        }
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
