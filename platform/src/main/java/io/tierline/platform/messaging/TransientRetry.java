package io.tierline.platform.messaging;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's handling of one record again and again, with a doubling back-off, while it fails for a
 * reason that is not the record's fault: the broker did not acknowledge what the handler published, or the
 * store is unreachable. The record stays unacknowledged (nothing after it on the partition is processed)
 * until the outage ends, so it is neither lost nor dead-lettered. Any other failure is thrown at once and
 * the channel's dead-letter strategy takes the record.
 *
 * <p>Handlers are idempotent (docs/ARCHITECTURE.md), so running one again after a partial success is safe.
 */
public final class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final Duration firstDelay;
    private final Duration maxDelay;

    public TransientRetry(Duration firstDelay, Duration maxDelay) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** 100 ms doubling to 5 s. */
    public static TransientRetry standard() {
        return new TransientRetry(Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public void run(String what, Runnable handling) {
        call(what, () -> {
            handling.run();
            return null;
        });
    }

    public <T> T call(String what, Supplier<T> handling) {
        long delay = firstDelay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return handling.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d: %s); retrying in %d ms", what, attempt,
                        e.getClass().getSimpleName(), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    /** Whether a failure is an outage of the broker or the store rather than a fault of the record. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PublishFailedException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException
                    || (t instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
