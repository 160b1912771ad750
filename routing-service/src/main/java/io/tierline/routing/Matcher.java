package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Who gets what. Eligibility (status, tier, language, free capacity, declines) and the orders: agents by the
 * queue's strategy, waiting contacts by priority then waiting time. Plain Java; the store only narrows the
 * candidates and makes the reservation atomic.
 */
public final class Matcher {

    private static final Comparator<Agent> BY_IDLE = Comparator
            .comparing(Agent::idleSince, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Agent::id);

    private static final Comparator<Contact> BY_URGENCY = Comparator
            .comparing(Contact::priority, Comparator.reverseOrder())
            .thenComparing(Contact::queuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Contact::id);

    /** Whether the agent could be offered the contact now. */
    public boolean eligible(Agent agent, Contact contact) {
        return agent.available()
                && agent.tier() == contact.tier()
                && agent.speaks(contact.language())
                && agent.freeFor(contact.channel()) > 0
                && !contact.excluded().contains(agent.id())
                && !agent.holds().contains(contact.id());
    }

    /** The eligible agents for the contact, best first by the queue's strategy. */
    public List<Agent> rankAgents(Contact contact, Strategy strategy, Map<String, Integer> queueSkills,
            List<Agent> agents) {
        return agents.stream()
                .filter(a -> eligible(a, contact))
                .sorted(order(strategy, contact.channel(), queueSkills))
                .toList();
    }

    /** The waiting contacts the agent can take, most urgent first. */
    public List<Contact> rankContacts(Agent agent, List<Contact> waiting) {
        return waiting.stream()
                .filter(c -> c.state() == ContactState.QUEUED)
                .filter(c -> eligible(agent, c))
                .sorted(BY_URGENCY)
                .toList();
    }

    static Comparator<Agent> order(Strategy strategy, Channel channel, Map<String, Integer> queueSkills) {
        return switch (strategy) {
            case LONGEST_IDLE -> BY_IDLE;
            case LEAST_OCCUPIED -> Comparator.comparingDouble((Agent a) -> occupancy(a, channel)).thenComparing(BY_IDLE);
            case BEST_SKILL -> Comparator.comparingInt((Agent a) -> -skillScore(a, queueSkills)).thenComparing(BY_IDLE);
        };
    }

    static double occupancy(Agent agent, Channel channel) {
        int capacity = agent.capacityFor(channel);
        return capacity <= 0 ? 1.0 : (double) agent.loadFor(channel) / capacity;
    }

    static int skillScore(Agent agent, Map<String, Integer> queueSkills) {
        return queueSkills.keySet().stream().mapToInt(s -> agent.skills().getOrDefault(s, 0)).sum();
    }
}
