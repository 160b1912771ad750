package io.tierline.routing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.routing.Agent;
import io.tierline.routing.AgentProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The capacity rules straight on the store: atomic reservations, idempotent releases, capacity changes. */
class AgentStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static AgentStore agents;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString());
        agents = new AgentStore(client.getDatabase("agent-store-test"));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static Agent availableAgent(String id, int chatCapacity) {
        return availableAgent(id, 1, chatCapacity, "en", Map.of(), NOW);
    }

    private static Agent availableAgent(String id, int tier, int chatCapacity, String language,
            Map<String, Integer> skills, Instant since) {
        agents.put(new AgentProfile(id, "A", tier, skills, List.of(language), Map.of(Channel.CHAT, chatCapacity),
                null), since);
        return agents.changeStatus(id, AgentStatus.AVAILABLE, since).orElseThrow().agent();
    }

    @Test
    void concurrentReservationsNeverExceedCapacity() throws Exception {
        availableAgent("racer", 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String contact = "c-" + i;
            tries.add(() -> agents.reserve("racer", Channel.CHAT, contact, NOW));
        }
        int granted = 0;
        for (Future<Boolean> f : pool.invokeAll(tries)) {
            granted += f.get() ? 1 : 0;
        }
        pool.shutdown();

        Agent after = agents.find("racer").orElseThrow();
        assertEquals(3, granted);
        assertEquals(0, after.freeFor(Channel.CHAT));
        assertEquals(3, after.holds().size());
    }

    @Test
    void concurrentPicksReserveEachAgentUpToItsCapacityAndNoFurther() throws Exception {
        // tier 3, Finnish: agents of no other test
        List<String> team = List.of("pick-a", "pick-b", "pick-c", "pick-d", "pick-e");
        team.forEach(id -> availableAgent(id, 3, 2, "fi", Map.of(), NOW));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Optional<Agent>>> picks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String contact = "pick-c-" + i;
            picks.add(() -> agents.reserveLongestIdle(3, "fi", Channel.CHAT, contact, List.of(), Map.of(), NOW));
        }
        Map<String, Integer> granted = new TreeMap<>();
        for (Future<Optional<Agent>> f : pool.invokeAll(picks)) {
            f.get().ifPresent(agent -> granted.merge(agent.id(), 1, Integer::sum));
        }
        pool.shutdown();

        assertEquals(team.stream().collect(Collectors.toMap(id -> id, id -> 2)), granted);
        for (String id : team) {
            Agent after = agents.find(id).orElseThrow();
            assertEquals(0, after.freeFor(Channel.CHAT), id);
            assertEquals(2, after.holds().size(), id);
        }
    }

    @Test
    void aPickTakesTheLongestIdleEligibleAgentAsItWasBeforeTheReservation() {
        // tier 2, Icelandic: agents of no other test; idle since 10:01, 10:02, 10:03 in that order
        availableAgent("pick-newest", 2, 2, "is", Map.of("refunds", 5), NOW.plusSeconds(180));
        availableAgent("pick-oldest", 2, 2, "is", Map.of("refunds", 5), NOW.plusSeconds(60));
        availableAgent("pick-unskilled", 2, 2, "is", Map.of("refunds", 2), NOW.plusSeconds(30));
        availableAgent("pick-middle", 2, 2, "is", Map.of("refunds", 7), NOW.plusSeconds(120));
        Map<String, Integer> refunds = Map.of("refunds", 4);
        Instant later = NOW.plusSeconds(600);

        Agent first = agents.reserveLongestIdle(2, "is", Channel.CHAT, "pick-1", List.of(), refunds, later)
                .orElseThrow();
        assertEquals("pick-oldest", first.id());
        assertEquals(2, first.freeFor(Channel.CHAT), "the agent as it was picked");
        // reserved: idle since now, so the next contact goes to the next longest idle; excluded agents are skipped
        assertEquals("pick-newest", agents.reserveLongestIdle(2, "is", Channel.CHAT, "pick-2",
                List.of("pick-middle"), refunds, later).orElseThrow().id());
        assertEquals("pick-middle", agents.reserveLongestIdle(2, "is", Channel.CHAT, "pick-3", List.of(), refunds,
                later).orElseThrow().id());
        assertEquals(List.of("pick-1"), agents.find("pick-oldest").orElseThrow().holds());
        assertEquals(1, agents.find("pick-oldest").orElseThrow().freeFor(Channel.CHAT));
        assertEquals(Optional.empty(), agents.reserveLongestIdle(2, "is", Channel.EMAIL, "pick-4", List.of(), refunds,
                later), "nobody has email capacity");
        assertEquals(Optional.empty(), agents.reserveLongestIdle(2, "de", Channel.CHAT, "pick-5", List.of(), refunds,
                later), "nobody speaks German");
    }

    @Test
    void aReleaseFreesOnceAndOnlyWhatTheContactHolds() {
        availableAgent("releaser", 1);
        assertTrue(agents.reserve("releaser", Channel.CHAT, "c-1", NOW));
        assertFalse(agents.reserve("releaser", Channel.CHAT, "c-2", NOW), "capacity 1 is taken");

        assertTrue(agents.release("releaser", Channel.CHAT, "c-1", NOW));
        assertFalse(agents.release("releaser", Channel.CHAT, "c-1", NOW), "a second release is a no-op");
        assertFalse(agents.release("releaser", Channel.CHAT, "c-never", NOW));
        assertEquals(1, agents.find("releaser").orElseThrow().freeFor(Channel.CHAT));
    }

    @Test
    void onlyAvailableAgentsCanBeReserved() {
        availableAgent("away", 2);
        agents.changeStatus("away", AgentStatus.AWAY, NOW);

        assertFalse(agents.reserve("away", Channel.CHAT, "c-1", NOW));
        assertFalse(agents.reserve("away", Channel.EMAIL, "c-1", NOW), "no EMAIL capacity at all");
    }

    @Test
    void aCapacityChangeMovesFreeByTheSameAmountKeepingTheLoad() {
        availableAgent("grower", 2);
        agents.reserve("grower", Channel.CHAT, "c-1", NOW);

        Agent grown = agents.put(new AgentProfile("grower", "A", 1, Map.of(), List.of("en"),
                Map.of(Channel.CHAT, 4, Channel.EMAIL, 2), null), NOW);
        assertEquals(3, grown.freeFor(Channel.CHAT));
        assertEquals(1, grown.loadFor(Channel.CHAT));
        assertEquals(2, grown.freeFor(Channel.EMAIL));
        assertEquals(AgentStatus.AVAILABLE, grown.status(), "a profile change keeps the status");

        Agent cut = agents.put(new AgentProfile("grower", "A", 1, Map.of(), List.of("en"),
                Map.of(Channel.CHAT, 0), null), NOW);
        assertEquals(-1, cut.freeFor(Channel.CHAT));
        assertFalse(agents.reserve("grower", Channel.CHAT, "c-2", NOW));
        agents.release("grower", Channel.CHAT, "c-1", NOW);
        assertEquals(0, agents.find("grower").orElseThrow().freeFor(Channel.CHAT));
    }

    @Test
    void statusChangesCountAndRememberThePreviousStatus() {
        availableAgent("presence", 1);
        var same = agents.changeStatus("presence", AgentStatus.AVAILABLE, NOW).orElseThrow();
        var away = agents.changeStatus("presence", AgentStatus.AWAY, NOW).orElseThrow();

        assertFalse(same.changed());
        assertEquals(1, same.agent().statusSeq());
        assertTrue(away.changed());
        assertEquals(2, away.agent().statusSeq());
        assertEquals(AgentStatus.AVAILABLE, away.agent().previousStatus());
        assertTrue(agents.changeStatus("nobody", AgentStatus.AWAY, NOW).isEmpty());
    }
}
