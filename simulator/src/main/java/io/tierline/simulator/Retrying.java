package io.tierline.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends a request again, unchanged, while it is not answered (refused connection, timeout) or answered 5xx or
 * 429, until a window closes: what a production gateway or desktop does while a service restarts or its broker
 * or store is away. Safe because every call the simulator repeats is idempotent in Tierline (a contact post
 * carries its {@code Idempotency-Key}; a desk command repeated by the same agent re-publishes the same event).
 * Waits {@code Retry-After} when the answer gives one, else 250 ms doubling up to 4 s.
 */
final class Retrying {

    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 4000;

    /**
     * How it ended: the last answer (null if none came) or the last error, after {@code attempts} sends; the
     * last one went out at {@code lastSentNanos}.
     */
    record Outcome(Http.Answer answer, Throwable error, int attempts, long lastSentNanos) {
        boolean ok() {
            return answer != null && answer.ok();
        }
    }

    /** Where a request goes: asked again before each attempt, told when one failed (to try another instance). */
    interface Target {
        String url();

        default void failed() {
        }
    }

    private final Http http;
    private final ScheduledExecutorService timer;
    private final Duration window;

    Retrying(Http http, ScheduledExecutorService timer, Duration window) {
        this.http = http;
        this.timer = timer;
        this.window = window;
    }

    CompletableFuture<Outcome> send(String method, Target target, Object body, Supplier<Map<String, String>> headers) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        attempt(method, target, body, headers, System.nanoTime() + window.toNanos(), 1, done);
        return done;
    }

    private void attempt(String method, Target target, Object body, Supplier<Map<String, String>> headers,
            long deadline, int attempt, CompletableFuture<Outcome> done) {
        long sent = System.nanoTime();
        CompletableFuture<Http.Answer> sending;
        try {
            sending = http.send(method, target.url(), body, headers.get());
        } catch (RuntimeException e) {
            done.complete(new Outcome(null, e, attempt, sent)); // cannot be sent at all (a bad address): final
            return;
        }
        sending.whenComplete((answer, error) -> {
            boolean again = error != null || answer.transientFailure();
            if (!again) {
                done.complete(new Outcome(answer, null, attempt, sent));
                return;
            }
            target.failed();
            long pause = pauseMillis(answer, attempt);
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                done.complete(new Outcome(answer, error, attempt, sent));
                return;
            }
            try {
                timer.schedule(() -> attempt(method, target, body, headers, deadline, attempt + 1, done), pause,
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                done.complete(new Outcome(answer, error, attempt, sent)); // the run is over
            }
        });
    }

    static long pauseMillis(Http.Answer answer, int attempt) {
        if (answer != null && answer.retryAfterSeconds() >= 0) {
            return Math.max(FIRST_PAUSE_MILLIS,
                    Math.min(TimeUnit.SECONDS.toMillis(answer.retryAfterSeconds()), LONGEST_PAUSE_MILLIS * 4));
        }
        return Math.min(FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 10), LONGEST_PAUSE_MILLIS);
    }
}
