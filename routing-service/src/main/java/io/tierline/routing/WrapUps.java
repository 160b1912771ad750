package io.tierline.routing;

import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ends after-contact work: when the agent completes it, or when it expires. Ending gives the capacity back
 * (idempotent), publishes WrapUpEnded (derived id) and only then forgets the wrap-up, so a crash in between
 * ends it again with the same event. Then the agent takes the next waiting contact.
 */
@Singleton
public class WrapUps {

    private static final Logger LOG = Logger.getLogger(WrapUps.class);
    private static final int SWEEP_BATCH = 200;

    private final Lookup lookup;
    private final ContactStore contacts;
    private final AgentStore agents;
    private final ContactRouter router;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;

    public WrapUps(Lookup lookup, ContactStore contacts, AgentStore agents, ContactRouter router,
            RoutingPublisher publisher, RoutingClock clock) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.agents = agents;
        this.router = router;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Ends every wrap-up of the agent now; the ids of the contacts whose wrap-up ended. */
    public List<String> complete(String agentId) {
        List<Contact> wrapping = contacts.withWrapUpsOf(agentId);
        if (wrapping.isEmpty()) {
            lookup.agent(agentId); // 404 for an unknown agent; one with wrap-ups exists (agents are never deleted)
        }
        Instant now = clock.now();
        List<String> ended = new ArrayList<>();
        Optional<Agent> released = Optional.empty();
        for (Contact contact : wrapping) {
            for (WrapUp wrapUp : contact.wrapUpsOf(agentId)) {
                released = end(contact.id(), wrapUp, now);
                ended.add(contact.id());
            }
        }
        router.matchAgent(agentId, released);
        return ended;
    }

    /** Ends the wrap-ups that expired, each at its own end time. */
    public int endExpired() {
        Instant now = clock.now();
        // each freed agent as its latest release returned it, so matching need not read it again (empty: read it)
        Map<String, Optional<Agent>> freed = new LinkedHashMap<>();
        for (Contact contact : contacts.withWrapUpsDue(now, SWEEP_BATCH)) {
            for (WrapUp wrapUp : contact.wrapUps()) {
                if (!wrapUp.until().isAfter(now)) {
                    Optional<Agent> released = end(contact.id(), wrapUp, wrapUp.until());
                    freed.merge(wrapUp.agentId(), released, (before, latest) -> latest.isPresent() ? latest : before);
                }
            }
        }
        freed.forEach(router::matchAgent);
        return freed.size();
    }

    /** The agent as this released it; empty if the capacity was already back (a repeat after a crash). */
    private Optional<Agent> end(String contactId, WrapUp wrapUp, Instant at) {
        Optional<Agent> released = agents.releaseAndRead(wrapUp.agentId(), wrapUp.channel(), contactId, at);
        publisher.publish(RoutingEvents.wrapUpEnded(contactId, wrapUp, at));
        contacts.endWrapUp(contactId, wrapUp.seq());
        LOG.debugf("wrap-up of contact %s by agent %s ended", contactId, wrapUp.agentId());
        return released;
    }
}
