package io.tierline.routing;

import io.tierline.events.Channel;
import io.tierline.platform.concurrent.Stages;
import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Matching, driven by events both ways: a queued contact looks for an agent, an agent with free capacity
 * looks for waiting contacts. An offer is two conditional updates: reserve capacity on the agent (for a
 * LONGEST_IDLE queue, picking the agent in the same update), then claim the contact; if the claim loses a race,
 * the capacity goes back.
 */
@Singleton
public class ContactRouter {

    private static final Logger LOG = Logger.getLogger(ContactRouter.class);
    private static final int ROUNDS = 20;
    private static final int LONGEST_IDLE_CANDIDATES = 10;

    enum Attempt { OFFERED, AGENT_UNAVAILABLE, CONTACT_TAKEN }

    private final ContactStore contacts;
    private final AgentStore agents;
    private final QueueCatalog queues;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;
    private final int candidateLimit;
    private final RoutingConfig config;
    private final Matcher matcher = new Matcher();

    public ContactRouter(ContactStore contacts, AgentStore agents, QueueCatalog queues, RoutingPublisher publisher,
            RoutingClock clock, RoutingConfig config) {
        this.contacts = contacts;
        this.agents = agents;
        this.queues = queues;
        this.publisher = publisher;
        this.clock = clock;
        this.candidateLimit = config.candidateLimit();
        this.config = config;
    }

    /** A QUEUED contact looks for the best eligible agent of its queue's tier. */
    public void matchContact(String contactId) {
        matchContact(contactId, Optional.empty());
    }

    /**
     * The same, starting from the contact as a store update just returned it (saves reading it again); empty
     * reads it.
     */
    public void matchContact(String contactId, Optional<Contact> current) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Contact> found = (round == 0 && current.isPresent() ? current : contacts.find(contactId))
                    .filter(c -> c.state() == ContactState.QUEUED);
            if (found.isEmpty()) {
                return;
            }
            Contact contact = found.get();
            Optional<RoutingQueue> queue = queues.find(contact.queueId());
            Strategy strategy = queue.map(RoutingQueue::strategy).orElse(Strategy.LONGEST_IDLE);
            Map<String, Integer> skills = queue.map(RoutingQueue::skills).orElse(Map.of());
            boolean again = strategy == Strategy.LONGEST_IDLE && AgentStore.addressable(skills)
                    ? offerToLongestIdle(contact, skills)
                    : offerToFirst(contact, ranked(contact, strategy, skills));
            if (!again) {
                return;
            }
        }
    }

    /**
     * A PENDING contact whose event (ContactQueued, or OfferDeclined) is on its way to the broker: while the broker
     * acknowledges, the longest idle eligible agent's capacity is reserved for it (a LONGEST_IDLE queue whose skills
     * the store can match); once acknowledged, the contact goes from PENDING straight to OFFERED to that agent, one
     * update instead of QUEUED and a claim after it. With no agent reserved it is QUEUED and matched as before, so
     * an agent freed meanwhile still finds it. PENDING until the acknowledgement keeps the order on the topic: no
     * instance can offer the contact before its event is out. A failed publication gives the capacity back and
     * leaves the contact PENDING, for a redelivery or the recovery sweep.
     *
     * @throws io.tierline.platform.messaging.PublishFailedException when the broker did not acknowledge the event
     */
    public void queueAndMatch(Contact pending, CompletableFuture<Void> published) {
        Optional<Agent> reserved = reserveAhead(pending);
        try {
            Stages.join(published);
        } catch (RuntimeException e) {
            reserved.ifPresent(agent -> agents.release(agent.id(), pending.channel(), pending.id(), null));
            throw e;
        }
        if (reserved.isPresent()) {
            String agentId = reserved.get().id();
            Instant now = clock.now();
            Optional<Contact> offered = contacts.claimPending(pending, agentId, now,
                    now.plus(config.offerTimeoutFor(pending.channel())));
            if (offered.isPresent()) {
                announceOffer(offered.get());
                LOG.debugf("offered contact %s to agent %s as it was queued", pending.id(), agentId);
                return;
            }
            agents.release(agentId, pending.channel(), pending.id(), null);
            matchAgent(agentId);
        }
        matchContact(pending.id(), contacts.announce(pending.id()));
    }

    /** The longest idle eligible agent, its capacity reserved for the contact; empty where the store cannot pick. */
    private Optional<Agent> reserveAhead(Contact pending) {
        Optional<RoutingQueue> queue = queues.find(pending.queueId());
        Map<String, Integer> skills = queue.map(RoutingQueue::skills).orElse(Map.of());
        if (queue.map(RoutingQueue::strategy).orElse(Strategy.LONGEST_IDLE) != Strategy.LONGEST_IDLE
                || !AgentStore.addressable(skills)) {
            return Optional.empty();
        }
        Optional<Agent> picked = agents.reserveLongestIdle(pending.tier(), pending.language(), pending.channel(),
                pending.id(), pending.excluded(), skills, clock.now());
        if (picked.isPresent() && !matcher.eligible(picked.get(), pending, skills)) {
            LOG.warnf("the store picked agent %s for contact %s, which the matcher finds ineligible: not reserved",
                    picked.get().id(), pending.id());
            agents.release(picked.get().id(), pending.channel(), pending.id(), null);
            return Optional.empty();
        }
        return picked;
    }

    private List<Agent> ranked(Contact contact, Strategy strategy, Map<String, Integer> skills) {
        return matcher.rankAgents(contact, strategy, skills, agents.candidates(contact.tier(), contact.language(),
                contact.channel(), contact.id(), contact.excluded(), skills, candidatesFor(strategy)));
    }

    /**
     * LONGEST_IDLE, where the store's order is the ranking: the store picks the longest idle eligible agent and
     * reserves its capacity in the same conditional update (one round trip instead of a read and a reservation,
     * and concurrent matchers do not all read the same agents and then race for them). The matcher still has the
     * last word on eligibility. True if the contact changed under us and matching should start over.
     */
    private boolean offerToLongestIdle(Contact contact, Map<String, Integer> skills) {
        Instant now = clock.now();
        Optional<Agent> picked = agents.reserveLongestIdle(contact.tier(), contact.language(), contact.channel(),
                contact.id(), contact.excluded(), skills, now);
        if (picked.isEmpty()) {
            return false; // no eligible agent: the contact waits until one frees up and looks for it
        }
        String agentId = picked.get().id();
        if (!matcher.eligible(picked.get(), contact, skills)) {
            LOG.warnf("the store picked agent %s for contact %s, which the matcher finds ineligible: ranking instead",
                    agentId, contact.id());
            agents.release(agentId, contact.channel(), contact.id(), null);
            return offerToFirst(contact, ranked(contact, Strategy.LONGEST_IDLE, skills));
        }
        if (claimReserved(contact, agentId, now) == Attempt.CONTACT_TAKEN) {
            matchAgent(agentId);
            return true;
        }
        return false;
    }

    /**
     * How many candidates to rank: the store already returns them longest idle first, so for LONGEST_IDLE the
     * first few are the ranking and the rest only stand in when a reservation loses a race; the other
     * strategies rank the {@code candidate-limit} longest idle by their own measure.
     */
    private int candidatesFor(Strategy strategy) {
        return strategy == Strategy.LONGEST_IDLE ? Math.min(candidateLimit, LONGEST_IDLE_CANDIDATES) : candidateLimit;
    }

    /** Tries the agents in order; true if the contact changed under us and matching should start over. */
    private boolean offerToFirst(Contact contact, List<Agent> ranked) {
        for (Agent agent : ranked) {
            Attempt attempt = tryOffer(contact, agent.id());
            if (attempt == Attempt.OFFERED) {
                return false;
            }
            if (attempt == Attempt.CONTACT_TAKEN) {
                matchAgent(agent.id());
                return true;
            }
        }
        return false;
    }

    /** An AVAILABLE agent with free capacity takes the most urgent waiting contacts it can, until full. */
    public void matchAgent(String agentId) {
        matchAgent(agentId, Optional.empty());
    }

    /**
     * The same, starting from the agent as a store update just returned it (saves reading it again); empty
     * reads it. A state that changed since only makes a reservation fail, as it is conditional.
     */
    public void matchAgent(String agentId, Optional<Agent> current) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Agent> found = (round == 0 && current.isPresent() ? current : agents.find(agentId))
                    .filter(Agent::available);
            if (found.isEmpty()) {
                return;
            }
            Agent agent = found.get();
            Set<Channel> open = agent.free().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            if (open.isEmpty()) {
                return;
            }
            Map<String, Map<String, Integer>> skillsByQueue = queues.all().stream()
                    .collect(Collectors.toMap(RoutingQueue::id, RoutingQueue::skills));
            List<String> unskilledQueues = skillsByQueue.entrySet().stream()
                    .filter(e -> !Matcher.skilled(agent, e.getValue())).map(Map.Entry::getKey).toList();
            List<Contact> ranked = matcher.rankContacts(agent,
                    contacts.waitingFor(agent, open, unskilledQueues, candidateLimit),
                    queueId -> skillsByQueue.getOrDefault(queueId, Map.of()));
            if (ranked.stream().noneMatch(c -> tryOffer(c, agentId) == Attempt.OFFERED)) {
                return;
            }
        }
    }

    Attempt tryOffer(Contact contact, String agentId) {
        Instant now = clock.now();
        if (!agents.reserve(agentId, contact.channel(), contact.id(), now)) {
            return Attempt.AGENT_UNAVAILABLE;
        }
        return claimReserved(contact, agentId, now);
    }

    /** Claims the contact for the agent whose capacity was just reserved for it; on a lost race, gives it back. */
    private Attempt claimReserved(Contact contact, String agentId, Instant now) {
        Optional<Contact> claimed = contacts.claim(contact, agentId, now,
                now.plus(config.offerTimeoutFor(contact.channel())));
        if (claimed.isEmpty()) {
            agents.release(agentId, contact.channel(), contact.id(), null);
            return Attempt.CONTACT_TAKEN;
        }
        announceOffer(claimed.get());
        LOG.debugf("offered contact %s to agent %s", contact.id(), agentId);
        return Attempt.OFFERED;
    }

    /** Publishes the contact's current offer, unless that was already acknowledged. */
    public void announceOffer(Contact offered) {
        if (offered.state() == ContactState.OFFERED && !offered.offer().announced()) {
            publisher.publish(RoutingEvents.offered(offered));
            contacts.offerAnnounced(offered.id(), offered.offer().seq());
        }
    }
}
