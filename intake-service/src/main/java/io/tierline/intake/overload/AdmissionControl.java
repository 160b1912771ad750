package io.tierline.intake.overload;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the gateway requests in flight. A request {@link #arrive arrives}: it gets one of {@code maxInFlight}
 * slots at once, or waits in line (first come, first served) for at most {@code maxWait}; when
 * {@code maxWaiting} requests wait already, or its wait runs out, it is shed (refused, for a fast 503). It
 * {@link Arrival#leave leaves} when it is over, which hands its slot to the first in line. Nothing waits on a
 * thread: a waiting request is a pending completion. Plain Java; the timer is given, so tests move time
 * themselves.
 */
public final class AdmissionControl {

    /** Runs an action after a delay; the returned handle cancels it. */
    public interface Timer {
        Runnable after(Duration delay, Runnable action);
    }

    /** Why a request was shed. */
    public enum Shed {
        /** {@code maxWaiting} requests were waiting already. */
        LINE_FULL,
        /** It waited {@code maxWait} without getting a slot. */
        WAITED_TOO_LONG
    }

    private final int maxInFlight;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Timer timer;
    private final ArrayDeque<Arrival> line = new ArrayDeque<>();
    private final AtomicLong lineFull = new AtomicLong();
    private final AtomicLong waitedTooLong = new AtomicLong();
    private int inFlight;

    public AdmissionControl(int maxInFlight, int maxWaiting, Duration maxWait, Timer timer) {
        if (maxInFlight < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("max-in-flight must be at least 1, max-waiting and max-wait at least 0");
        }
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
        this.timer = timer;
    }

    /** A request arrives: admitted at once, put in line, or shed at once (see {@link Arrival#admitted}). */
    public Arrival arrive() {
        Arrival arrival = new Arrival();
        State decided;
        synchronized (this) {
            if (inFlight < maxInFlight) {
                inFlight++;
                arrival.state = State.ADMITTED;
            } else if (line.size() < maxWaiting && !maxWait.isZero()) {
                line.addLast(arrival);
                arrival.cancelTimer = timer.after(maxWait, arrival::waitedTooLong);
            } else {
                arrival.state = State.LEFT;
            }
            decided = arrival.state;
        }
        if (decided == State.ADMITTED) {
            arrival.admitted.complete(true);
        } else if (decided == State.LEFT) {
            lineFull.incrementAndGet();
            arrival.admitted.complete(false);
        }
        return arrival;
    }

    /** Requests holding a slot now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Requests waiting for a slot now. */
    public synchronized int waiting() {
        return line.size();
    }

    /** How many requests were shed for this reason so far. */
    public long shed(Shed reason) {
        return reason == Shed.LINE_FULL ? lineFull.get() : waitedTooLong.get();
    }

    private enum State { WAITING, ADMITTED, LEFT }

    /** One request's place: in line, holding a slot, or gone. */
    public final class Arrival {

        private final CompletableFuture<Boolean> admitted = new CompletableFuture<>();
        private State state = State.WAITING;
        private Runnable cancelTimer = () -> { };

        private Arrival() {
        }

        /** Completes with true once the request holds a slot, with false when it was shed. */
        public CompletionStage<Boolean> admitted() {
            return admitted;
        }

        /**
         * The request is over (answered, or its connection closed): frees its slot for the first in line, or
         * gives up its place in line. Calling it again does nothing.
         */
        public void leave() {
            Arrival next = null;
            Runnable cancel;
            State was;
            synchronized (AdmissionControl.this) {
                was = state;
                state = State.LEFT;
                cancel = cancelTimer;
                if (was == State.WAITING) {
                    line.remove(this);
                } else if (was == State.ADMITTED) {
                    next = line.pollFirst();
                    if (next == null) {
                        inFlight--;
                    } else {
                        next.state = State.ADMITTED;
                    }
                }
            }
            cancel.run();
            if (was == State.WAITING) {
                admitted.complete(false);
            }
            if (next != null) {
                next.cancelTimer.run();
                next.admitted.complete(true);
            }
        }

        private void waitedTooLong() {
            synchronized (AdmissionControl.this) {
                if (state != State.WAITING) {
                    return;
                }
                line.remove(this);
                state = State.LEFT;
            }
            waitedTooLong.incrementAndGet();
            admitted.complete(false);
        }
    }
}
