package io.tierline.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import io.tierline.events.ContactQueued;
import io.tierline.events.MalformedEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    private final TransientRetry retry = new TransientRetry(Duration.ofMillis(1), Duration.ofMillis(4));
    private static final ContactQueued EVENT = new ContactQueued("e", "c", Instant.EPOCH, "q", 1, null, null, null);

    @Test
    void retriesAnOutageUntilTheHandlingSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.call("test", () -> {
            if (attempts.incrementAndGet() < 4) {
                throw new PublishFailedException(EVENT, new RuntimeException("broker down"));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(4, attempts.get());
    }

    @Test
    void throwsTheRecordsOwnFaultAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(MalformedEventException.class, () -> retry.run("test", () -> {
            attempts.incrementAndGet();
            throw new MalformedEventException("not json");
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void classifiesStoreOutagesAsTransientAndOtherStoreErrorsNot() {
        assertTrue(TransientRetry.isTransient(new com.mongodb.MongoTimeoutException("no server")));
        var labelled = new com.mongodb.MongoException(91, "shutting down");
        labelled.addLabel("RetryableWriteError");
        assertTrue(TransientRetry.isTransient(labelled));
        assertFalse(TransientRetry.isTransient(new com.mongodb.MongoException(2, "bad value")));
    }

    @Test
    void recognisesOutagesAlsoWhenWrapped() {
        var socket = new MongoSocketReadException("reset", new ServerAddress());
        assertTrue(TransientRetry.isTransient(socket));
        assertTrue(TransientRetry.isTransient(new IllegalStateException("wrapped", socket)));
        assertFalse(TransientRetry.isTransient(new IllegalArgumentException("bad record")));
    }
}
