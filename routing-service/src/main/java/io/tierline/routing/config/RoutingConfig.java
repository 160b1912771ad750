package io.tierline.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code tierline.routing.*} settings (documented in the module README). */
@ConfigMapping(prefix = "tierline.routing")
public interface RoutingConfig {

    /** After-contact work when the queue sets none. */
    @WithDefault("PT30S")
    Duration wrapUp();

    /** How often expired wrap-ups are ended (read by the scheduler as {@code tierline.routing.wrap-up-sweep}). */
    @WithDefault("1s")
    String wrapUpSweep();

    /** How long a publish waits for the broker's acknowledgement. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    /** Interval of the comment lines that keep an agent's SSE stream open. */
    @WithDefault("PT15S")
    Duration sseHeartbeat();

    /** At most this many waiting contacts are picked up by one {@code PUT /queues}. */
    @WithDefault("200")
    int pickupLimit();

    /** At most this many candidate agents (or waiting contacts) are read per matching attempt. */
    @WithDefault("100")
    int candidateLimit();
}
