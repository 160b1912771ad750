package io.tierline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Matcher matcher = new Matcher();

    static Agent agent(String id, int tier, AgentStatus status, int capacity, int free, Instant idleSince,
            Map<String, Integer> skills, String... languages) {
        return new Agent(id, id, tier, skills, List.of(languages), Map.of(Channel.CHAT, capacity),
                Map.of(Channel.CHAT, free), List.of(), status, null, T0, 1, idleSince, 0, null, null);
    }

    static Agent available(String id, Instant idleSince) {
        return agent(id, 1, AgentStatus.AVAILABLE, 3, 3, idleSince, Map.of(), "en");
    }

    static Contact contact(String id, Priority priority, Instant queuedAt, List<String> excluded) {
        return new Contact(id, ContactState.QUEUED, Channel.CHAT, null, "EN", "s", null, priority, null, null, 0,
                "q", 1, "r", queuedAt, queuedAt, "e-" + id, 0, null, null, excluded, List.of(), List.of(),
                List.of(), null, null, 0, null);
    }

    @Test
    void onlyAvailableAgentsOfTheTierWithTheLanguageAndFreeCapacityAreEligible() {
        Contact c = contact("c", Priority.NORMAL, T0, List.of());

        assertTrue(matcher.eligible(available("ok", T0), c));
        assertFalse(matcher.eligible(agent("away", 1, AgentStatus.AWAY, 3, 3, T0, Map.of(), "en"), c));
        assertFalse(matcher.eligible(agent("tier2", 2, AgentStatus.AVAILABLE, 3, 3, T0, Map.of(), "en"), c));
        assertFalse(matcher.eligible(agent("german", 1, AgentStatus.AVAILABLE, 3, 3, T0, Map.of(), "de"), c));
        assertFalse(matcher.eligible(agent("full", 1, AgentStatus.AVAILABLE, 3, 0, T0, Map.of(), "en"), c));
        assertFalse(matcher.eligible(agent("cut", 1, AgentStatus.AVAILABLE, 1, -1, T0, Map.of(), "en"), c));
        assertFalse(matcher.eligible(available("decliner", T0), contact("c", Priority.NORMAL, T0,
                List.of("decliner"))));
    }

    @Test
    void longestIdleOrdersByIdleSinceThenId() {
        var ranked = matcher.rankAgents(contact("c", Priority.NORMAL, T0, List.of()), Strategy.LONGEST_IDLE,
                Map.of(), List.of(available("b", T0.plusSeconds(5)), available("c", T0), available("a", T0),
                        agent("x", 1, AgentStatus.OFFLINE, 3, 3, T0.minusSeconds(60), Map.of(), "en")));

        assertEquals(List.of("a", "c", "b"), ranked.stream().map(Agent::id).toList());
    }

    @Test
    void leastOccupiedPrefersTheLowestShareInUse() {
        Agent half = agent("half", 1, AgentStatus.AVAILABLE, 2, 1, T0, Map.of(), "en");
        Agent third = agent("third", 1, AgentStatus.AVAILABLE, 3, 2, T0.plusSeconds(1), Map.of(), "en");

        var ranked = matcher.rankAgents(contact("c", Priority.NORMAL, T0, List.of()), Strategy.LEAST_OCCUPIED,
                Map.of(), List.of(half, third));

        assertEquals(List.of("third", "half"), ranked.stream().map(Agent::id).toList());
    }

    @Test
    void bestSkillPrefersTheHighestLevelsInTheQueuesSkills() {
        Agent novice = agent("novice", 1, AgentStatus.AVAILABLE, 3, 3, T0, Map.of("billing", 5), "en");
        Agent expert = agent("expert", 1, AgentStatus.AVAILABLE, 3, 3, T0.plusSeconds(9), Map.of("billing", 9),
                "en");

        var ranked = matcher.rankAgents(contact("c", Priority.NORMAL, T0, List.of()), Strategy.BEST_SKILL,
                Map.of("billing", 5), List.of(novice, expert));

        assertEquals(List.of("expert", "novice"), ranked.stream().map(Agent::id).toList());
    }

    @Test
    void waitingContactsGoByPriorityThenWaitingTimeWithoutOnesTheAgentDeclined() {
        var waiting = List.of(
                contact("normal-old", Priority.NORMAL, T0, List.of()),
                contact("urgent-new", Priority.URGENT, T0.plusSeconds(30), List.of()),
                contact("high", Priority.HIGH, T0.plusSeconds(10), List.of()),
                contact("urgent-old", Priority.URGENT, T0.plusSeconds(20), List.of()),
                contact("declined", Priority.URGENT, T0.minusSeconds(60), List.of("a")));

        var ranked = matcher.rankContacts(available("a", T0), waiting);

        assertEquals(List.of("urgent-old", "urgent-new", "high", "normal-old"),
                ranked.stream().map(Contact::id).toList());
    }
}
