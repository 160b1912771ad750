package io.tierline.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events subscription read line by line, as an agent desktop would. */
final class SseStream implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseStream(String url) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("SSE " + url + " answered " + r.statusCode());
            }
            read(r.body());
        });
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    events.add(new Event(current[0], current[1], data.toString()));
                }
                current[0] = null;
                current[1] = null;
                data.setLength(0);
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
    }

    /** Waits for an event that matches and returns it. */
    Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
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

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
