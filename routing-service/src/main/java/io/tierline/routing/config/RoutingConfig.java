package io.tierline.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tierline.events.Channel;
import java.time.Duration;
import java.util.Map;

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

    /**
     * The producer's {@code linger.ms} (application.properties hands it to the Kafka channel): each publish
     * waits for its ack, so lingering would only add latency.
     */
    @WithDefault("0")
    int producerLingerMs();

    /**
     * The consumers' {@code poll-timeout} (application.properties hands it to the Kafka channels): a stop waits
     * twice this per consumer for the records in hand, one consumer after another.
     */
    @WithDefault("250")
    int consumerPollMs();

    /** Interval of the comment lines that keep an agent's SSE stream open. */
    @WithDefault("PT15S")
    Duration sseHeartbeat();

    /** At most this many waiting contacts are picked up by one {@code PUT /queues}. */
    @WithDefault("200")
    int pickupLimit();

    /**
     * How long an offer waits for the agent's answer, per channel ({@code tierline.routing.offer-timeout.CHAT});
     * a channel without an entry uses {@link #offerTimeoutDefault()}.
     */
    Map<String, Duration> offerTimeout();

    /** The offer timeout of channels without their own entry. */
    @WithDefault("PT30S")
    Duration offerTimeoutDefault();

    /** How often expired offers are timed out (read by the scheduler as {@code tierline.routing.offer-sweep}). */
    @WithDefault("1s")
    String offerSweep();

    /**
     * How often contacts waiting past their queue's maxWaitSeconds are moved or withdrawn (read by the scheduler
     * as {@code tierline.routing.max-wait-sweep}).
     */
    @WithDefault("1s")
    String maxWaitSweep();

    /** How often the per-queue gauges are refreshed (read by the scheduler as {@code tierline.routing.gauge-refresh}). */
    @WithDefault("5s")
    String gaugeRefresh();

    /** How long all of an agent's desktop streams may be closed before it goes OFFLINE. */
    @WithDefault("PT30S")
    Duration desktopGrace();

    /**
     * How often open streams are recorded and lost desktops detected (read by the scheduler as
     * {@code tierline.routing.desktop-sweep}).
     */
    @WithDefault("1s")
    String desktopSweep();

    default Duration offerTimeoutFor(Channel channel) {
        return offerTimeout().getOrDefault(channel.name(), offerTimeoutDefault());
    }

    /** At most this many candidate agents (or waiting contacts) are read per matching attempt. */
    @WithDefault("100")
    int candidateLimit();

    /**
     * How long matching works from its copy of the queues before reading them again; a queue changed through
     * another routing instance is seen this late (one changed through this instance at once).
     */
    @WithDefault("PT1S")
    Duration queueRefresh();

    /** How often the recovery sweep runs (read by the scheduler as {@code tierline.routing.recovery-sweep}). */
    @WithDefault("5s")
    String recoverySweep();

    /**
     * How long a contact may stay PENDING, and reserved capacity unclaimed, before the recovery sweep takes it
     * for work a crash interrupted and finishes it.
     */
    @WithDefault("PT30S")
    Duration recoveryAge();
}
