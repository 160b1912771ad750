package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A desktop's Server-Sent Events stream, against a real HTTP server on a local port that streams an event every
 * 50 ms for as long as its writes succeed: a cancelled stream must close its connection (the server's writes
 * fail), and hand on no event after the cancel.
 */
class SseLinesTest {

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final Http http = new Http(io, Duration.ofSeconds(5));
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstEvent = new CountDownLatch(1);
    /** Counted down when a write of the server fails: the client closed the connection. */
    private final CountDownLatch connectionClosed = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
        io.shutdownNow();
    }

    /** Streams "event: tick" with a counter every 50 ms, after answering the headers {@code delayMs} late. */
    private String streaming(long delayMs) {
        server.createContext("/agents/a-1/assignments", exchange -> {
            try {
                Thread.sleep(delayMs);
                stream(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/agents/a-1/assignments";
    }

    private void stream(HttpExchange exchange) throws InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                body.write(("event: tick\ndata: {\"n\":" + n + "}\n\n").getBytes(StandardCharsets.UTF_8));
                body.flush();
                Thread.sleep(50);
            }
        } catch (IOException e) {
            connectionClosed.countDown();
        } finally {
            exchange.close();
        }
    }

    private SseLines lines() {
        return new SseLines((type, data) -> {
            received.add(type + " " + data);
            firstEvent.countDown();
        }, () -> { });
    }

    @Test
    void aCancelledStreamClosesItsConnectionAndHandsOnNothingMore() throws Exception {
        String url = streaming(0);
        SseLines lines = lines();
        http.stream(url, Map.of(), lines); // completes when the stream ends
        assertTrue(firstEvent.await(10, TimeUnit.SECONDS), "the stream's events are handed on");
        assertEquals("tick {\"n\":0}", received.get(0));

        lines.cancel();
        int atCancel = received.size();
        assertTrue(connectionClosed.await(10, TimeUnit.SECONDS),
                "the server's writes fail once the stream is cancelled: its connection is closed");
        assertEquals(atCancel, received.size(), "no event is handed on after the cancel");
    }

    @Test
    void aStreamCancelledBeforeItsResponseArrivedIsClosedWhenItDoes() throws Exception {
        String url = streaming(300);
        SseLines lines = lines();
        http.stream(url, Map.of(), lines);
        lines.cancel();
        assertTrue(connectionClosed.await(10, TimeUnit.SECONDS),
                "the server's writes fail: the connection was closed as soon as the response came");
        assertEquals(List.of(), received, "nothing is handed on from a stream cancelled before it opened");
    }

    @Test
    void anUncancelledStreamStaysOpen() throws Exception {
        String url = streaming(0);
        http.stream(url, Map.of(), lines());
        assertTrue(firstEvent.await(10, TimeUnit.SECONDS));
        assertFalse(connectionClosed.await(1, TimeUnit.SECONDS), "the server goes on streaming to a reader");
        assertTrue(received.size() > 1, "events keep coming: " + received.size());
    }
}
