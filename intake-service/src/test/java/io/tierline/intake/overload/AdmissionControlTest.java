package io.tierline.intake.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.intake.overload.AdmissionControl.Arrival;
import io.tierline.intake.overload.AdmissionControl.Shed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    /** A timer that fires only when the test says so. */
    private static final class ManualTimer implements AdmissionControl.Timer {
        private final List<Runnable> pending = new ArrayList<>();
        private final List<Duration> delays = new ArrayList<>();

        @Override
        public synchronized Runnable after(Duration delay, Runnable action) {
            delays.add(delay);
            pending.add(action);
            return () -> cancel(action);
        }

        private synchronized void cancel(Runnable action) {
            pending.remove(action);
        }

        /** Fires every timer still set. */
        void fireAll() {
            List<Runnable> due;
            synchronized (this) {
                due = new ArrayList<>(pending);
                pending.clear();
            }
            due.forEach(Runnable::run);
        }

        synchronized int set() {
            return pending.size();
        }
    }

    private final ManualTimer timer = new ManualTimer();

    private static boolean decided(Arrival arrival) {
        return arrival.admitted().toCompletableFuture().isDone();
    }

    private static boolean admitted(Arrival arrival) {
        return arrival.admitted().toCompletableFuture().getNow(false);
    }

    @Test
    void admitsUpToTheBoundThenLinesUpAndHandsAFreedSlotToTheFirstInLine() {
        var admission = new AdmissionControl(2, 5, Duration.ofSeconds(1), timer);
        Arrival a = admission.arrive();
        Arrival b = admission.arrive();
        Arrival c = admission.arrive();
        Arrival d = admission.arrive();
        assertTrue(admitted(a) && admitted(b));
        assertFalse(decided(c) || decided(d), "over the bound: waiting");
        assertEquals(2, admission.inFlight());
        assertEquals(2, admission.waiting());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), timer.delays);

        a.leave();
        assertTrue(admitted(c), "the first in line gets the freed slot");
        assertFalse(decided(d));
        assertEquals(2, admission.inFlight(), "the slot passed on, it was not freed");
        assertEquals(1, admission.waiting());
        assertEquals(1, timer.set(), "c's wait timer is cancelled");

        b.leave();
        c.leave();
        assertTrue(admitted(d));
        d.leave();
        assertEquals(0, admission.inFlight());
        assertEquals(0, timer.set());
        assertEquals(0, admission.shed(Shed.LINE_FULL) + admission.shed(Shed.WAITED_TOO_LONG));
    }

    @Test
    void aFullLineShedsAtOnce() {
        var admission = new AdmissionControl(1, 1, Duration.ofSeconds(1), timer);
        admission.arrive();
        Arrival waiting = admission.arrive();
        Arrival shed = admission.arrive();
        assertFalse(decided(waiting));
        assertTrue(decided(shed) && !admitted(shed), "refused without waiting");
        assertEquals(1, admission.shed(Shed.LINE_FULL));
        assertEquals(1, admission.waiting());
        shed.leave();
        assertEquals(1, admission.inFlight(), "leaving after being shed frees nothing");
    }

    @Test
    void aRequestThatWaitedTooLongIsShedAndNeverAdmittedLater() {
        var admission = new AdmissionControl(1, 5, Duration.ofMillis(500), timer);
        Arrival holder = admission.arrive();
        Arrival waiting = admission.arrive();
        timer.fireAll();
        assertTrue(decided(waiting) && !admitted(waiting));
        assertEquals(1, admission.shed(Shed.WAITED_TOO_LONG));
        assertEquals(0, admission.waiting());

        holder.leave();
        assertEquals(0, admission.inFlight(), "the slot is free, not given to the one shed");
        waiting.leave();
        assertEquals(0, admission.inFlight());
        assertTrue(admitted(admission.arrive()));
    }

    @Test
    void aWaitingRequestWhoseConnectionClosedGivesUpItsPlace() {
        var admission = new AdmissionControl(1, 5, Duration.ofSeconds(1), timer);
        Arrival holder = admission.arrive();
        Arrival gone = admission.arrive();
        Arrival next = admission.arrive();
        gone.leave();
        assertTrue(decided(gone) && !admitted(gone));
        assertEquals(1, admission.waiting());
        assertEquals(1, timer.set(), "its timer is cancelled");
        holder.leave();
        assertTrue(admitted(next), "the slot skips the one that left");
        assertEquals(0, admission.shed(Shed.LINE_FULL) + admission.shed(Shed.WAITED_TOO_LONG),
                "a request that went away is not counted as shed");
    }

    @Test
    void leavingTwiceFreesOneSlot() {
        var admission = new AdmissionControl(2, 0, Duration.ofSeconds(1), timer);
        Arrival a = admission.arrive();
        admission.arrive();
        a.leave();
        a.leave();
        assertEquals(1, admission.inFlight());
    }

    @Test
    void noWaitingWhenTheLineOrTheWaitIsZero() {
        var noLine = new AdmissionControl(1, 0, Duration.ofSeconds(1), timer);
        noLine.arrive();
        assertFalse(admitted(noLine.arrive()));
        var noWait = new AdmissionControl(1, 10, Duration.ZERO, timer);
        noWait.arrive();
        assertFalse(admitted(noWait.arrive()));
        assertEquals(0, timer.set());
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionControl(0, 1, Duration.ofSeconds(1), timer));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionControl(1, -1, Duration.ofSeconds(1), timer));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionControl(1, 1, Duration.ofSeconds(-1), timer));
    }

    @Test
    void underContentionNeverMoreThanTheBoundInFlightAndEveryoneAnswered() throws Exception {
        int bound = 4;
        var admission = new AdmissionControl(bound, 1000, Duration.ofSeconds(30), timer);
        AtomicInteger working = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        int requests = 4000;
        CountDownLatch done = new CountDownLatch(requests);
        ExecutorService arrivals = Executors.newFixedThreadPool(8);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < requests; i++) {
            arrivals.submit(() -> {
                Arrival arrival = admission.arrive();
                arrival.admitted().thenAcceptAsync(ok -> {
                    if (ok) {
                        mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
                        served.incrementAndGet();
                        Thread.yield();
                        working.decrementAndGet();
                    }
                    arrival.leave();
                    done.countDown();
                }, workers);
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "every request was admitted or shed");
        arrivals.shutdown();
        workers.shutdown();
        assertTrue(mostAtOnce.get() <= bound, "at most the bound at once: " + mostAtOnce.get());
        assertEquals(requests, served.get() + admission.shed(Shed.LINE_FULL));
        assertEquals(0, admission.inFlight());
        assertEquals(0, admission.waiting());
    }
}
