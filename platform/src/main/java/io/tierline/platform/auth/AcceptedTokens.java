package io.tierline.platform.auth;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens a verification accepted, by their exact text, each until it expires or for {@code maxAge},
 * whichever comes first; at most {@code capacity} of them (when full, the expired ones go, and if none has, all).
 * A refused token is never remembered. Thread-safe. {@link VerifiedTokens} puts it in front of the services'
 * token parser.
 */
final class AcceptedTokens {

    /** The full check of a token: signature, issuer, times. */
    interface Verification {
        JsonWebToken verify(String bearerToken) throws ParseException;
    }

    private record Accepted(JsonWebToken token, long untilMillis) {
    }

    private final long maxAgeMillis;
    private final int capacity;
    private final LongSupplier clock;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    AcceptedTokens(Duration maxAge, int capacity, LongSupplier clock) {
        if (maxAge.isNegative() || capacity < 0) {
            throw new IllegalArgumentException("tierline.auth.verified-token-max-age and -tokens must not be negative");
        }
        this.maxAgeMillis = maxAge.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The token as {@code verification} accepted it, now or earlier; its ParseException if it refuses it. */
    JsonWebToken parse(String bearerToken, Verification verification) throws ParseException {
        long now = clock.getAsLong();
        Accepted known = accepted.get(bearerToken);
        if (known != null && now < known.untilMillis()) {
            return known.token();
        }
        JsonWebToken token = verification.verify(bearerToken);
        long until = Math.min(token.getExpirationTime() * 1000, now + maxAgeMillis);
        if (capacity > 0 && now < until) {
            if (accepted.size() >= capacity) {
                accepted.values().removeIf(a -> a.untilMillis() <= now);
                if (accepted.size() >= capacity) {
                    accepted.clear();
                }
            }
            accepted.put(bearerToken, new Accepted(token, until));
        }
        return token;
    }

    /** How many accepted tokens are remembered now. */
    int remembered() {
        return accepted.size();
    }
}
