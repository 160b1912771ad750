package io.tierline.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's settings, {@code tierline.escalation.*}; documented in the module README. */
@ConfigMapping(prefix = "tierline.escalation")
public interface EscalationConfig {

    /** The queue escalations into each tier go to. */
    Queues queues();

    /** How soon each tier should pick up an escalated contact (the customer's expected response time). */
    PickupTargets pickupTarget();

    /** How long a consumer waits for the broker to acknowledge an event it publishes. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    interface Queues {
        String tier2();

        String tier3();
    }

    interface PickupTargets {
        Duration tier2();

        Duration tier3();
    }
}
