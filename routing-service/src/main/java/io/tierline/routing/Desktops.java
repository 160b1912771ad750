package io.tierline.routing;

import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.messaging.AssignmentBroadcaster;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Agents' desktops. Every instance stamps {@code streamSeenAt} on the agents with a stream open on it, every
 * {@code tierline.routing.desktop-sweep}; an agent not OFFLINE whose stamp is older than
 * {@code tierline.routing.desktop-grace} (all its streams, on every instance, closed that long) goes OFFLINE
 * (AgentPresenceChanged, reason {@value RoutingEvents#DESKTOP_DISCONNECTED}) and its pending offers go to other
 * agents (OfferDeclined with that reason); its assigned contacts stay with it. Agents that never opened a
 * stream are not watched. State in the store, so any instance (and a restarted one) does this.
 */
@Singleton
public class Desktops {

    private static final Logger LOG = Logger.getLogger(Desktops.class);
    private static final int SWEEP_BATCH = 200;

    private final AgentStore agents;
    private final AssignmentBroadcaster broadcaster;
    private final OfferTimeouts offers;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;
    private final Duration grace;

    public Desktops(AgentStore agents, AssignmentBroadcaster broadcaster, OfferTimeouts offers,
            RoutingPublisher publisher, RoutingClock clock, RoutingConfig config) {
        this.agents = agents;
        this.broadcaster = broadcaster;
        this.offers = offers;
        this.publisher = publisher;
        this.clock = clock;
        this.grace = config.desktopGrace();
    }

    /** A stream opened: stamp the agent at once. */
    public void connected(String agentId) {
        agents.streamsSeen(Set.of(agentId), clock.now());
    }

    @Scheduled(every = "${tierline.routing.desktop-sweep:1s}", delayed = "1s", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("desktop sweep failed, next run retries: %s", e.getMessage());
        }
    }

    public void sweep() {
        Instant now = clock.now();
        agents.streamsSeen(broadcaster.agentsListening(), now);
        Instant cutoff = now.minus(grace);
        for (Agent lost : agents.streamsLostSince(cutoff, SWEEP_BATCH)) {
            agents.desktopLost(lost, cutoff, RoutingEvents.DESKTOP_DISCONNECTED, now).ifPresent(offline -> {
                LOG.infof("agent %s: no desktop stream for %s, OFFLINE", offline.id(), grace);
                publisher.publish(RoutingEvents.presence(offline));
                offers.reroute(offline.id(), RoutingEvents.DESKTOP_DISCONNECTED);
            });
        }
    }
}
