package io.tierline.intake.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void aBurstThenTheRateAndTheWaitUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);
        assertEquals(0, bucket.tryTake());
        assertEquals(0, bucket.tryTake());
        assertEquals(0, bucket.tryTake());
        assertEquals(SECOND / 2, bucket.tryTake(), "empty: the next token comes in half a second");
        now.addAndGet(SECOND / 4);
        assertEquals(SECOND / 4, bucket.tryTake(), "a refused request takes nothing");
        now.addAndGet(SECOND / 4);
        assertEquals(0, bucket.tryTake());
        assertEquals(SECOND / 2, bucket.tryTake());
    }

    @Test
    void savesUpNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, now::get);
        now.addAndGet(60 * SECOND);
        assertEquals(0, bucket.tryTake());
        assertEquals(0, bucket.tryTake());
        assertEquals(SECOND / 10, bucket.tryTake());
    }

    @Test
    void refusesARateOrBurstThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0.5, now::get));
    }
}
