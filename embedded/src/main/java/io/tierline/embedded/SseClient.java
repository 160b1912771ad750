package io.tierline.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Server-Sent Events subscription read line by line with java.net.http, as an agent desktop would:
 * events ({@code event:}, {@code id:}, {@code data:}) and comments, collected for tests to wait on.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final Thread reader;

    /** Connects and waits for the 200 answer; throws if the stream is not {@code text/event-stream}. */
    public SseClient(String url) throws Exception {
        this(url, null);
    }

    /** Connects with {@code Authorization: Bearer <token>} (none when null), as {@link #SseClient(String)}. */
    public SseClient(String url, String bearerToken) throws Exception {
        URI uri = URI.create(url);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest request = builder.build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get(20, TimeUnit.SECONDS);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("SSE answered " + r.statusCode());
        }
        if (!r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            throw new IllegalStateException("SSE content type " + r.headers().firstValue("content-type"));
        }
        reader = new Thread(() -> read(r.body()), "sse-" + uri.getPath());
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream<String> lines) {
        String[] current = new String[2];
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(current[0], current[1], data.toString()));
                    }
                    current[0] = null;
                    current[1] = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("event:")) {
                    current[0] = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    current[1] = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).trim());
                }
            });
        } catch (RuntimeException closed) {
            // the stream was closed
        }
    }

    public Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching SSE event within " + timeout + "; got " + new ArrayList<>(events));
    }

    /** The first event of this type about this contact. */
    public Event await(String type, String contactId, Duration timeout) throws InterruptedException {
        return await(e -> type.equals(e.name()) && e.data().contains("\"" + contactId + "\""), timeout);
    }

    public void awaitComment(String comment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!comments.contains(comment)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no comment '" + comment + "' within " + timeout + "; got " + comments);
            }
            Thread.sleep(50);
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
