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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Queue categories in queue selection, required skills in agent eligibility: plain Java. */
class SkillsAndCategoriesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Matcher matcher = new Matcher();
    private final QueueSelector selector = new QueueSelector();

    private static RoutingQueue queue(String id, List<String> categories) {
        return new RoutingQueue(id, id, 1, Set.of(Channel.CHAT), List.of("en"), Map.of(), categories, null, null,
                null, null, null);
    }

    private static Agent agent(String id, Map<String, Integer> skills, Instant idleSince) {
        return MatcherTest.agent(id, 1, AgentStatus.AVAILABLE, 3, 3, idleSince, skills, "en");
    }

    private static Contact contact(String id, String queueId, Priority priority, Instant queuedAt) {
        return new Contact(id, ContactState.QUEUED, Channel.CHAT, null, "en", "s", "billing", priority, null, null,
                0, queueId, 1, "r", queuedAt, queuedAt, "e-" + id, 0, null, null, List.of(), List.of(), List.of(),
                List.of(), null, null, 0, null);
    }

    @Test
    void aQueueNamingTheCategoryComesBeforeACatchAllOneWhateverTheIds() {
        var queues = List.of(queue("a-any", List.of()), queue("b-billing", List.of("Billing", "refunds")),
                queue("c-tech", List.of("tech")));

        QueueDecision billing = selector.select(Channel.CHAT, "en", "billing", queues);
        assertEquals("b-billing", billing.queue().id());
        assertTrue(billing.reason().contains("for category billing"), billing.reason());
        assertEquals("a-any", selector.select(Channel.CHAT, "en", "shipping", queues).queue().id());
        assertEquals("a-any", selector.select(Channel.CHAT, "en", null, queues).queue().id());
    }

    @Test
    void aContactOfAnotherCategoryDoesNotFitAQueueThatListsCategories() {
        QueueDecision decision = selector.select(Channel.CHAT, "en", "shipping",
                List.of(queue("b-billing", List.of("billing"))));

        assertFalse(decision.found());
        assertTrue(decision.reason().contains("category shipping"), decision.reason());
    }

    @Test
    void anAgentNeedsEveryRequiredSkillAtItsMinimumLevel() {
        Map<String, Integer> required = Map.of("billing", 5, "refunds", 3);
        Contact c = contact("c", "q", Priority.NORMAL, T0);

        assertTrue(matcher.eligible(agent("both", Map.of("billing", 5, "refunds", 9), T0), c, required));
        assertFalse(matcher.eligible(agent("low", Map.of("billing", 4, "refunds", 9), T0), c, required));
        assertFalse(matcher.eligible(agent("missing", Map.of("billing", 9), T0), c, required));
        assertTrue(matcher.eligible(agent("anyone", Map.of(), T0), c, Map.of()));
    }

    @Test
    void rankingAgentsLeavesOutTheUnskilledAndOrdersTheRestByStrategy() {
        Contact c = contact("c", "q", Priority.NORMAL, T0);
        var agents = List.of(agent("novice", Map.of("billing", 2), T0.minusSeconds(60)),
                agent("good", Map.of("billing", 6), T0),
                agent("expert", Map.of("billing", 9), T0.plusSeconds(30)));

        assertEquals(List.of("good", "expert"), matcher.rankAgents(c, Strategy.LONGEST_IDLE, Map.of("billing", 5),
                agents).stream().map(Agent::id).toList());
        assertEquals(List.of("expert", "good"), matcher.rankAgents(c, Strategy.BEST_SKILL, Map.of("billing", 5),
                agents).stream().map(Agent::id).toList());
    }

    @Test
    void anAgentTakesOnlyContactsOfQueuesItIsSkilledForByPriorityThenWait() {
        Agent agent = agent("a", Map.of("billing", 5), T0);
        var waiting = List.of(contact("expert-only", "q-expert", Priority.URGENT, T0.minusSeconds(99)),
                contact("old", "q-basic", Priority.NORMAL, T0),
                contact("new-high", "q-basic", Priority.HIGH, T0.plusSeconds(50)),
                contact("newer", "q-basic", Priority.NORMAL, T0.plusSeconds(10)));
        Map<String, Map<String, Integer>> skills = Map.of("q-expert", Map.of("billing", 8), "q-basic",
                Map.of("billing", 3));

        assertEquals(List.of("new-high", "old", "newer"), matcher.rankContacts(agent, waiting, skills::get).stream()
                .map(Contact::id).toList());
    }
}
