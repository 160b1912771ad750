package io.tierline.routing;

import io.tierline.events.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who gets what. Eligibility (status, tier, language, the queue's skills at their minimum levels, free
 * capacity, declines) and the orders: agents by the
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

    /** Whether the agent has every skill at the queue's minimum level (a queue without skills: anyone). */
    public static boolean skilled(Agent agent, Map<String, Integer> requiredSkills) {
        return requiredSkills.entrySet().stream()
                .allMatch(e -> agent.skills().getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    /** Whether the agent could be offered the contact of a queue with these required skills now. */
    public boolean eligible(Agent agent, Contact contact, Map<String, Integer> requiredSkills) {
        return eligible(agent, contact) && skilled(agent, requiredSkills);
    }

    /** Whether the agent could be offered the contact now, skills aside. */
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
                .filter(a -> eligible(a, contact, queueSkills))
                .sorted(order(strategy, contact.channel(), queueSkills))
                .toList();
    }

    /** The waiting contacts the agent can take, most urgent first (queues without required skills). */
    public List<Contact> rankContacts(Agent agent, List<Contact> waiting) {
        return rankContacts(agent, waiting, queueId -> Map.of());
    }

    /** The waiting contacts the agent can take, given each queue's required skills, most urgent first. */
    public List<Contact> rankContacts(Agent agent, List<Contact> waiting,
            Function<String, Map<String, Integer>> skillsOfQueue) {
        return waiting.stream()
                .filter(c -> c.state() == ContactState.QUEUED)
                .filter(c -> eligible(agent, c, skillsOfQueue.apply(c.queueId())))
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
