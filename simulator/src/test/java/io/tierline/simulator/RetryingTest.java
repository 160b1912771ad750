package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateways' and desktops' repeat policy, against a real HTTP server on a local port. */
class RetryingTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final Http http = new Http(io, Duration.ofSeconds(5));
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        timer.shutdownNow();
        io.shutdownNow();
    }

    /** Answers the listed statuses in turn (the last one from then on); 429 and 503 carry Retry-After: 0. */
    private String answering(int... statuses) {
        server.createContext("/contacts", exchange -> {
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            if (status == 429 || status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            byte[] body = ("{\"status\":" + status + "}").getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/contacts";
    }

    /** A local port nothing listens on: its connections are refused. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Retrying.Outcome send(Retrying.Target target, Duration window) throws Exception {
        return new Retrying(http, timer, window)
                .send("POST", target, Map.of("channel", "CHAT"), () -> Map.of("Idempotency-Key", "run-1"))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPostAnsweredUnavailableOrTooManyIsRepeatedUnchangedUntilAcknowledged() throws Exception {
        String url = answering(503, 429, 500, 202);

        Retrying.Outcome outcome = send(() -> url, Duration.ofSeconds(20));

        assertTrue(outcome.ok());
        assertEquals(202, outcome.answer().status());
        assertEquals(4, outcome.attempts());
        assertEquals(List.of("run-1", "run-1", "run-1", "run-1"), idempotencyKeys, "the same key every time");
    }

    @Test
    void aRefusalIsFinalAndNotRepeated() throws Exception {
        String url = answering(409, 202);

        Retrying.Outcome outcome = send(() -> url, Duration.ofSeconds(20));

        assertFalse(outcome.ok());
        assertEquals(409, outcome.answer().status());
        assertEquals(1, calls.get());
    }

    @Test
    void aCallNobodyAnswersIsGivenUpWhenTheWindowCloses() throws Exception {
        int closedPort = closedPort();

        Retrying.Outcome outcome = send(() -> "http://127.0.0.1:" + closedPort + "/contacts", Duration.ofSeconds(2));

        assertNull(outcome.answer());
        assertNotNull(outcome.error());
        // 250, 500, 1000 ms pauses fit in 2 s; the next (2 s) does not
        assertEquals(4, outcome.attempts());
    }

    @Test
    void aFailedInstanceIsToldSoTheNextAttemptGoesElsewhere() throws Exception {
        int closedPort = closedPort();
        List<String> instances = List.of("http://127.0.0.1:" + closedPort, answering(202).replace("/contacts", ""));
        AtomicInteger current = new AtomicInteger();
        Retrying.Target target = new Retrying.Target() {
            @Override
            public String url() {
                return instances.get(current.get()) + "/contacts";
            }

            @Override
            public void failed() {
                current.set((current.get() + 1) % instances.size());
            }
        };

        Retrying.Outcome outcome = send(target, Duration.ofSeconds(20));

        assertTrue(outcome.ok());
        assertEquals(2, outcome.attempts());
        assertEquals(1, current.get());
    }

    @Test
    void pausesFollowRetryAfterOrDoubleUpToFourSeconds() {
        Http.Answer plain = new Http.Answer(503, null, -1);
        assertEquals(250, Retrying.pauseMillis(plain, 1));
        assertEquals(500, Retrying.pauseMillis(plain, 2));
        assertEquals(4000, Retrying.pauseMillis(plain, 6));
        assertEquals(4000, Retrying.pauseMillis(null, 40));
        assertEquals(3000, Retrying.pauseMillis(new Http.Answer(429, null, 3), 1));
        assertEquals(250, Retrying.pauseMillis(new Http.Answer(429, null, 0), 1), "never a busy loop");
    }
}
