package io.tierline.escalation.config;

import io.tierline.escalation.policy.TierPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans built from configuration: the tier policy and the clock. */
public class Producers {

    /** The built-in policy over the configured queues; an invalid configuration stops the start. */
    @Produces
    @Singleton
    TierPolicy tierPolicy(EscalationConfig config) {
        return TierPolicy.builtin(
                config.queues().tier2(), config.pickupTarget().tier2(),
                config.queues().tier3(), config.pickupTarget().tier3());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
