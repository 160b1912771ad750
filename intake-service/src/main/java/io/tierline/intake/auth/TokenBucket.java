package io.tierline.intake.auth;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} tokens a second, at most {@code capacity} saved up (the burst). Plain Java;
 * the clock is given, so tests move time themselves.
 */
public final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, double capacity, LongSupplier nanoTime) {
        if (!(perSecond > 0) || !(capacity >= 1)) {
            throw new IllegalArgumentException("a rate above 0 and a burst of at least 1 are needed");
        }
        this.perNano = perSecond / 1e9;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token: 0 when there was one, else the nanoseconds until there will be (nothing is taken then). */
    public synchronized long tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
