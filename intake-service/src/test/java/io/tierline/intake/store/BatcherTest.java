package io.tierline.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The batcher alone, with a batch function that records the batches it was given. */
class BatcherTest {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aLoneCallRunsAtOnceAsABatchOfOne() {
        try (Batcher<Integer, String> batcher = new Batcher<>("test", 10, this::recordAndName)) {
            assertEquals("item-7", batcher.call(7));
            assertEquals(List.of(List.of(7)), batches);
        }
    }

    @Test
    void callsArrivingWhileABatchRunsGoTogetherInTheNextEachWithItsOwnResult() throws Exception {
        Held held = holdFirstThenQueue(100, 20);
        try (Batcher<Integer, String> batcher = held.batcher()) {
            held.release().countDown();

            assertEquals("item-0", held.first().get(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 20; i++) {
                assertEquals("item-" + i, held.queued().get(i - 1).get(10, TimeUnit.SECONDS));
            }
            assertEquals(2, batches.size(), "the first call alone, then the twenty together: " + batches);
            assertEquals(20, batches.get(1).size());
        }
    }

    @Test
    void noBatchIsLargerThanTheMaximum() throws Exception {
        Held held = holdFirstThenQueue(3, 7);
        try (Batcher<Integer, String> batcher = held.batcher()) {
            held.release().countDown();
            held.first().get(10, TimeUnit.SECONDS);
            for (CompletableFuture<String> call : held.queued()) {
                call.get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of(1, 3, 3, 1), batches.stream().map(List::size).toList());
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsCallsWithItsExceptionAndTheNextBatchRuns() {
        IllegalStateException storeDown = new IllegalStateException("store down");
        try (Batcher<Integer, String> batcher = new Batcher<>("test", 10, items -> {
            if (items.contains(13)) {
                throw storeDown;
            }
            return recordAndName(items);
        })) {
            assertSame(storeDown, assertThrows(IllegalStateException.class, () -> batcher.call(13)));
            assertEquals("item-14", batcher.call(14));
        }
    }

    @Test
    void aBatchFunctionReturningTheWrongNumberOfResultsFailsTheBatch() {
        try (Batcher<Integer, String> batcher = new Batcher<>("test", 10, items -> List.of())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> batcher.call(1));
            assertTrue(e.getMessage().contains("0 results for 1 items"), e.getMessage());
        }
    }

    @Test
    void aClosedBatcherRefusesCallsAndFailsThoseStillWaiting() throws Exception {
        Held held = holdFirstThenQueue(10, 1);

        held.batcher().close();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> held.queued().get(0).get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("closed"), failed.getCause().getMessage());
        assertThrows(ExecutionException.class, () -> held.first().get(10, TimeUnit.SECONDS),
                "the batch at the store when it closed is interrupted");
        assertThrows(IllegalStateException.class, () -> held.batcher().call(2));
    }

    @Test
    void submittedItemsGoTogetherInTheNextBatchWhileTheSubmitterGoesOn() throws Exception {
        Held held = holdFirstThenQueue(100, 0);
        try (Batcher<Integer, String> batcher = held.batcher()) {
            List<CompletableFuture<String>> submitted = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                submitted.add(batcher.submit(i));
            }
            assertTrue(submitted.stream().noneMatch(CompletableFuture::isDone), "the first batch is still held");
            held.release().countDown();

            for (int i = 1; i <= 5; i++) {
                assertEquals("item-" + i, submitted.get(i - 1).get(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5)), batches);
        }
    }

    @Test
    void aClosedBatcherFailsASubmissionAtOnce() {
        Batcher<Integer, String> batcher = new Batcher<>("test", 10, this::recordAndName);
        batcher.close();

        CompletableFuture<String> submitted = batcher.submit(1);

        assertTrue(submitted.isCompletedExceptionally());
        ExecutionException failed = assertThrows(ExecutionException.class, submitted::get);
        assertTrue(failed.getCause() instanceof IllegalStateException, failed.getCause().toString());
        assertEquals(List.of(), batches);
    }

    /**
     * A batcher whose first call (item 0) is held at the store until {@code release}, with calls 1 to {@code later}
     * queued behind it, each from its own thread.
     */
    private Held holdFirstThenQueue(int maxBatch, int later) throws InterruptedException {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Batcher<Integer, String> batcher = new Batcher<>("test", maxBatch, items -> {
            if (items.contains(0)) {
                firstRunning.countDown();
                await(release);
            }
            return recordAndName(items);
        });
        CompletableFuture<String> first = callFromOwnThread(batcher, 0);
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 1; i <= later; i++) {
            queued.add(callFromOwnThread(batcher, i));
        }
        waitUntilQueued(batcher, later);
        return new Held(batcher, release, first, queued);
    }

    private record Held(Batcher<Integer, String> batcher, CountDownLatch release, CompletableFuture<String> first,
            List<CompletableFuture<String>> queued) {
    }

    private static CompletableFuture<String> callFromOwnThread(Batcher<Integer, String> batcher, int item) {
        return CompletableFuture.supplyAsync(() -> batcher.call(item), runnable -> new Thread(runnable).start());
    }

    private List<String> recordAndName(List<Integer> items) {
        batches.add(List.copyOf(items));
        return items.stream().map(i -> "item-" + i).toList();
    }

    private static void waitUntilQueued(Batcher<?, ?> batcher, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batcher.waiting() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + batcher.waiting() + " of " + count + " calls queued");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
