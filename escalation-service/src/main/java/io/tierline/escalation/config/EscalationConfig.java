package io.tierline.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * The consumers' {@code poll-timeout} (application.properties hands it to the Kafka channels): a stop waits
     * twice this per consumer for the records in hand, one consumer after another.
     */
    @WithDefault("250")
    int consumerPollMs();

    /** How often the pick-up SLA sweep looks for cases past their tier's pick-up target. */
    @WithDefault("PT15S")
    Duration slaSweepInterval();

    /** A contact of a customer and category within this long after their case closed reopens the case. */
    @WithDefault("P7D")
    Duration repeatWindow();

    /** The hand-off to engineering beyond the top tier. */
    Engineering engineering();

    interface Engineering {
        /** Where hand-offs are POSTed; without it every hand-off is dead-lettered. */
        Optional<URI> webhookUrl();

        /** With it, every webhook call is signed (HMAC-SHA256 over {@code <timestamp>.<body>}); no default. */
        Optional<String> signingSecret();

        /** Delivery attempts before a hand-off is given up and dead-lettered. */
        @WithDefault("6")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles with every further one, up to {@code max-retry}. */
        @WithDefault("PT5S")
        Duration firstRetry();

        @WithDefault("PT5M")
        Duration maxRetry();

        /** How long one webhook call may take. */
        @WithDefault("PT10S")
        Duration requestTimeout();

        /** How often the sender looks for hand-offs due for an attempt. */
        @WithDefault("PT5S")
        Duration pollInterval();
    }

    interface Queues {
        String tier2();

        String tier3();
    }

    interface PickupTargets {
        Duration tier2();

        Duration tier3();
    }
}
