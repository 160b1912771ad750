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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        agents.put(new AgentProfile(id, "A", 1, Map.of(), List.of("en"), Map.of(Channel.CHAT, chatCapacity), null), NOW);
        return agents.changeStatus(id, AgentStatus.AVAILABLE, NOW).orElseThrow().agent();
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
