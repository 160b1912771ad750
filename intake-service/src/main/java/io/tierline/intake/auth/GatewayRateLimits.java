package io.tierline.intake.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Each gateway's request rate limit, by gateway name; a gateway without one is not limited. */
public final class GatewayRateLimits {

    private final Map<String, TokenBucket> buckets;

    public GatewayRateLimits(Map<String, TokenBucket> buckets) {
        this.buckets = Map.copyOf(buckets);
    }

    /** Counts a request of the gateway: empty when it may go on, else how long until it may send the next one. */
    public Optional<Duration> admit(Gateway gateway) {
        TokenBucket bucket = buckets.get(gateway.name());
        if (bucket == null) {
            return Optional.empty();
        }
        long wait = bucket.tryTake();
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }
}
