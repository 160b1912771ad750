package io.tierline.routing;

import io.tierline.events.AgentStatus;
import io.tierline.platform.problem.ProblemException;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import jakarta.inject.Singleton;

/** Agents' profiles and presence. */
@Singleton
public class AgentAdmin {

    private final AgentStore agents;
    private final ContactRouter router;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;
    private final OfferTimeouts offers;

    public AgentAdmin(AgentStore agents, ContactRouter router, RoutingPublisher publisher, RoutingClock clock,
            OfferTimeouts offers) {
        this.offers = offers;
        this.agents = agents;
        this.router = router;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Creates (OFFLINE) or updates the agent; more capacity for an available agent pulls waiting work. */
    public Agent put(AgentProfile profile) {
        Agent agent = agents.put(profile, clock.now());
        router.matchAgent(agent.id());
        return agent;
    }

    /**
     * Sets the agent's status and publishes AgentPresenceChanged; the same status again re-publishes the
     * event of the last change. Becoming AVAILABLE pulls waiting work; going AWAY or OFFLINE takes the
     * agent's pending offers back (OfferDeclined, reason {@code agent AWAY}/{@code agent OFFLINE}) for other
     * agents; assigned contacts stay.
     */
    public Agent changeStatus(String agentId, AgentStatus status) {
        StatusChange change = agents.changeStatus(agentId, status, clock.now())
                .orElseThrow(() -> ProblemException.notFound("Agent", agentId));
        Agent agent = change.agent();
        if (agent.statusSeq() > 0) {
            publisher.publish(RoutingEvents.presence(agent));
        }
        if (agent.status() != AgentStatus.AVAILABLE) {
            offers.reroute(agentId, "agent " + agent.status());
        }
        router.matchAgent(agentId);
        return agents.find(agentId).orElse(agent);
    }
}
