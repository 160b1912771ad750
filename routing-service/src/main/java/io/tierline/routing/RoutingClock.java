package io.tierline.routing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, in milliseconds: what the store keeps, so a re-published event carries the same times. */
@Singleton
public class RoutingClock {
    private final Clock clock;

    public RoutingClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
