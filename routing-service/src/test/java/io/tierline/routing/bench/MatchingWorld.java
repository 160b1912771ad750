package io.tierline.routing.bench;

import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.routing.Agent;
import io.tierline.routing.Contact;
import io.tierline.routing.ContactState;
import io.tierline.routing.Matcher;
import io.tierline.routing.RoutingQueue;
import io.tierline.routing.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, reproducible contact centre for the matching benchmark: agents over three tiers with languages,
 * skills at levels 1..10, per-channel capacity partly in use and mostly AVAILABLE; queues with a tier, a channel,
 * a language, zero to two required skills and a strategy; contacts waiting in those queues.
 */
final class MatchingWorld {

    private static final Channel[] CHANNELS = {Channel.CHAT, Channel.PHONE, Channel.EMAIL, Channel.SMS};
    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "it", "nl", "pt", "pl"};
    private static final int SKILLS = 20;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    final List<Agent> agents;
    final List<RoutingQueue> queues;
    final List<Contact> contacts;
    /** Per queue id: the first {@code candidateLimit} agents the store would hand over (eligible ones). */
    final Map<String, List<Agent>> candidates = new HashMap<>();

    MatchingWorld(int agentCount, int queueCount, int contactCount, int candidateLimit, long seed) {
        Random random = new Random(seed);
        agents = new ArrayList<>(agentCount);
        for (int i = 0; i < agentCount; i++) {
            agents.add(agent(i, random));
        }
        queues = new ArrayList<>(queueCount);
        for (int i = 0; i < queueCount; i++) {
            queues.add(queue(i, random));
        }
        contacts = new ArrayList<>(contactCount);
        for (int i = 0; i < contactCount; i++) {
            contacts.add(contact(i, queues.get(random.nextInt(queueCount)), random));
        }
        Matcher matcher = new Matcher();
        for (RoutingQueue queue : queues) {
            Contact probe = contact(-1, queue, random);
            candidates.put(queue.id(), agents.stream().filter(a -> matcher.eligible(a, probe, queue.skills()))
                    .limit(candidateLimit).toList());
        }
    }

    private static Agent agent(int i, Random random) {
        Map<String, Integer> skills = new HashMap<>();
        for (int s = 0; s < 4; s++) {
            skills.put("skill" + random.nextInt(SKILLS), 1 + random.nextInt(10));
        }
        List<String> languages = List.of(LANGUAGES[random.nextInt(LANGUAGES.length)],
                LANGUAGES[random.nextInt(LANGUAGES.length)]);
        Map<Channel, Integer> capacity = new EnumMap<>(Map.of(Channel.CHAT, 3, Channel.PHONE, 1, Channel.EMAIL, 5,
                Channel.SMS, 3));
        Map<Channel, Integer> free = new EnumMap<>(Channel.class);
        capacity.forEach((channel, max) -> free.put(channel, random.nextInt(max + 1)));
        AgentStatus status = random.nextInt(10) < 8 ? AgentStatus.AVAILABLE : AgentStatus.AWAY;
        return new Agent("agent-" + i, "Agent " + i, 1 + random.nextInt(3), skills, languages, capacity, free,
                List.of(), status, null, EPOCH, 1, EPOCH.plusSeconds(random.nextInt(3600)), 0, null, null);
    }

    private static RoutingQueue queue(int i, Random random) {
        Map<String, Integer> skills = new HashMap<>();
        for (int s = random.nextInt(3); s > 0; s--) {
            skills.put("skill" + random.nextInt(SKILLS), 1 + random.nextInt(5));
        }
        return new RoutingQueue("queue-" + i, "Queue " + i, 1 + random.nextInt(3),
                Set.of(CHANNELS[random.nextInt(CHANNELS.length)]), List.of(LANGUAGES[random.nextInt(LANGUAGES.length)]),
                skills, List.of(), null, null, null, Strategy.values()[i % Strategy.values().length], null);
    }

    private static Contact contact(int i, RoutingQueue queue, Random random) {
        Instant queuedAt = EPOCH.plusSeconds(random.nextInt(3600));
        return new Contact("contact-" + i, ContactState.QUEUED, queue.channels().iterator().next(), null,
                queue.languages().get(0), "subject", "general", Priority.values()[random.nextInt(3)], null, null, 0,
                queue.id(), queue.tier(), "bench", queuedAt, queuedAt, "event-" + i, 0, null, null, List.of(),
                List.of(), List.of(), List.of(), null, null, 0, null);
    }
}
