package io.tierline.routing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.routing.AgentProfile;
import io.tierline.routing.Placement;
import io.tierline.routing.PendingCause;
import io.tierline.routing.store.RecoveryStore.Reservation;
import io.tierline.routing.store.RecoveryStore.StuckContact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the recovery sweep reads and takes over, straight on the wire store. */
class RecoveryStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofSeconds(30));
    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static AgentStore agents;
    private static ContactStore contacts;
    private static RecoveryStore recovery;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString());
        MongoDatabase database = client.getDatabase("recovery-store-test");
        agents = new AgentStore(database);
        contacts = new ContactStore(database);
        recovery = new RecoveryStore(database);
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static void availableAgent(String id) {
        agents.put(new AgentProfile(id, "A", 1, Map.of(), List.of("en"), Map.of(Channel.CHAT, 2), null), NOW);
        agents.changeStatus(id, AgentStatus.AVAILABLE, NOW);
    }

    private static List<Reservation> oldOf(String agentId) {
        return recovery.oldReservations(CUTOFF, 1000).stream().filter(r -> r.agentId().equals(agentId)).toList();
    }

    @Test
    void aReleasedReservationIsNotOldAndAnUnclaimedOneIsReleasedExactlyOnce() {
        availableAgent("r1");
        assertTrue(agents.reserve("r1", Channel.CHAT, "released", NOW.minusSeconds(60)));
        assertTrue(agents.release("r1", Channel.CHAT, "released", null));
        assertTrue(agents.reserve("r1", Channel.CHAT, "recent", NOW));
        assertEquals(List.of(), oldOf("r1"), "released and recent reservations are not looked at");

        assertTrue(agents.reserve("r1", Channel.CHAT, "orphan", NOW.minusSeconds(60)));
        List<Reservation> old = oldOf("r1");
        assertEquals(List.of(new Reservation("r1", "orphan", Channel.CHAT, NOW.minusSeconds(60))), old);
        assertTrue(recovery.releaseOrphan(old.get(0)));
        assertFalse(recovery.releaseOrphan(old.get(0)), "a second instance releases nothing");
        assertEquals(1, agents.find("r1").orElseThrow().freeFor(Channel.CHAT), "only 'recent' holds capacity");
        assertEquals(List.of("recent"), agents.find("r1").orElseThrow().holds());
        assertEquals(List.of(), oldOf("r1"));
    }

    @Test
    void aForgottenReservationKeepsItsHold() {
        availableAgent("r2");
        assertTrue(agents.reserve("r2", Channel.CHAT, "claimed", NOW.minusSeconds(60)));
        assertTrue(recovery.forget(oldOf("r2").get(0)));
        assertEquals(List.of(), oldOf("r2"));
        assertEquals(List.of("claimed"), agents.find("r2").orElseThrow().holds());
        assertEquals(1, agents.find("r2").orElseThrow().freeFor(Channel.CHAT));
    }

    @Test
    void aStuckPendingContactIsTakenOverByOneInstanceOnly() {
        client.getDatabase("recovery-store-test").getCollection("contacts").insertOne(new Document("_id", "p1")
                .append("state", "WAITING").append("channel", "CHAT").append("priority", "NORMAL").append("offerSeq", 0));
        assertTrue(contacts.place("p1", new Placement("q", 1, "fits", NOW.minusSeconds(60), "e1")));
        List<StuckContact> stuck = recovery.stuckPending(CUTOFF, 100).stream()
                .filter(s -> s.id().equals("p1")).toList();
        assertEquals(List.of(new StuckContact("p1", NOW.minusSeconds(60), PendingCause.PLACED)), stuck);
        assertTrue(recovery.takeOver(stuck.get(0), NOW));
        assertFalse(recovery.takeOver(stuck.get(0), NOW), "the other instance read the same and loses");
        assertTrue(recovery.stuckPending(CUTOFF, 100).stream().noneMatch(s -> s.id().equals("p1")),
                "taken over: not stuck again until the recovery age passes once more");
        assertTrue(contacts.announce("p1").isPresent());
        assertTrue(recovery.stuckPending(NOW.plusSeconds(3600), 100).stream().noneMatch(s -> s.id().equals("p1")),
                "announced: no longer PENDING");
    }
}
