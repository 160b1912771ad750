package io.tierline.intake.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Runs the single-document store calls of concurrent requests as one call per batch. A caller hands in its item
 * and waits for its own result ({@link #call}), or goes on and is called back when it is there ({@link #submit}); one
 * thread takes every item waiting (up to {@code maxBatch}) and runs them
 * together. While a batch is at the store the next one gathers, so batches grow with the load and a lone call
 * waits for nobody: at low load each call is one round trip as before, under load one round trip carries many.
 * <p>
 * The batch function returns one result per item, in the items' order. When it throws, every item of that batch
 * fails with its exception; the next batch runs as usual.
 */
final class Batcher<I, O> implements AutoCloseable {

    private final String name;
    private final int maxBatch;
    private final Function<List<I>, List<O>> run;
    private final LinkedBlockingQueue<Call<I, O>> waiting = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    Batcher(String name, int maxBatch, Function<List<I>, List<O>> run) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.run = run;
        this.worker = new Thread(this::work, "store-batch-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Runs the item in the next batch and returns its result.
     *
     * @throws RuntimeException the batch's own exception when the batch failed
     * @throws IllegalStateException when this batcher is closed
     */
    O call(I item) {
        try {
            return submit(item).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for store batch " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("store batch " + name + " failed", e.getCause());
        }
    }

    /**
     * Hands the item to the next batch without waiting. The result completes on this batcher's thread, so what
     * depends on it there must be short: hand anything longer to another thread.
     *
     * @return the item's result; it fails with the batch's own exception when the batch failed, and with an
     *         IllegalStateException when this batcher is closed
     */
    CompletableFuture<O> submit(I item) {
        Call<I, O> call = new Call<>(item, new CompletableFuture<>());
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("store batcher " + name + " is closed"));
        }
        waiting.add(call);
        if (closed) {
            // close() may have drained the queue before the add: fail whatever it left
            failWaiting();
        }
        return call.result();
    }

    /** Calls waiting for the next batch. */
    int waiting() {
        return waiting.size();
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        failWaiting();
    }

    private void work() {
        List<Call<I, O>> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(batch, maxBatch - 1);
            runBatch(batch);
            batch.clear();
        }
        failWaiting();
    }

    private void runBatch(List<Call<I, O>> batch) {
        List<I> items = new ArrayList<>(batch.size());
        for (Call<I, O> call : batch) {
            items.add(call.item());
        }
        try {
            List<O> results = run.apply(items);
            if (results.size() != batch.size()) {
                throw new IllegalStateException("store batch " + name + " returned " + results.size()
                        + " results for " + batch.size() + " items");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            for (Call<I, O> call : batch) {
                call.result().completeExceptionally(e);
            }
        }
    }

    private void failWaiting() {
        Call<I, O> call;
        while ((call = waiting.poll()) != null) {
            call.result().completeExceptionally(new IllegalStateException("store batcher " + name + " is closed"));
        }
    }

    private record Call<I, O>(I item, CompletableFuture<O> result) {
    }
}
