package io.tierline.routing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.routing.Contact;
import io.tierline.routing.ContactState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offering a PENDING contact straight to the agent reserved for it while its event went out, on the store. */
class ContactStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(30);
    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static ContactStore contacts;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString());
        contacts = new ContactStore(client.getDatabase("contact-store-test"));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static Contact pending(List<String> excluded) {
        String id = "c-" + UUID.randomUUID();
        Contact contact = new Contact(id, ContactState.PENDING, Channel.CHAT, null, "en", "Card declined", "billing",
                Priority.NORMAL, null, null, 0, "l1", 1, "first tier-1 queue", NOW, NOW, "arrival-" + id, 0, null,
                null, excluded, List.of(), List.of(), List.of("arrival-" + id), null, null, 0, null);
        assertTrue(contacts.insert(contact));
        return contacts.find(id).orElseThrow();
    }

    @Test
    void aPendingContactIsOfferedInOneUpdateAndLeavesPendingBehind() {
        Contact pending = pending(List.of());
        Contact offered = contacts.claimPending(pending, "alice", NOW, EXPIRES).orElseThrow();

        assertEquals(ContactState.OFFERED, offered.state());
        assertEquals(1, offered.offerSeq());
        assertEquals("alice", offered.offer().agentId());
        assertEquals(EXPIRES, offered.offer().expiresAt());
        assertFalse(offered.offer().announced(), "its ContactOffered is still to go out");
        assertEquals(NOW, offered.queuedAt(), "it keeps its place in the queue");
        Document stored = client.getDatabase("contact-store-test").getCollection("contacts")
                .find(new Document("_id", pending.id())).first();
        assertNull(stored.get(ContactDocuments.PENDING), "no recovery marker left: it is not stuck");
        assertEquals(offered, contacts.find(pending.id()).orElseThrow());
    }

    @Test
    void onlyOnceAndOnlyFromPending() {
        Contact pending = pending(List.of());
        assertTrue(contacts.claimPending(pending, "alice", NOW, EXPIRES).isPresent());
        assertTrue(contacts.claimPending(pending, "bob", NOW, EXPIRES).isEmpty(), "offered already");

        Contact announced = pending(List.of());
        assertTrue(contacts.announce(announced.id()).isPresent(), "another delivery made it QUEUED");
        assertTrue(contacts.claimPending(announced, "alice", NOW, EXPIRES).isEmpty());
        assertEquals(ContactState.QUEUED, contacts.find(announced.id()).orElseThrow().state());
    }

    @Test
    void anOpenOfferIsAcceptedByItsAgentOnlyAndOnlyBeforeItExpires() {
        Contact offered = contacts.claimPending(pending(List.of()), "alice", NOW, EXPIRES).orElseThrow();
        assertTrue(contacts.accept(offered.id(), "bob", NOW).isEmpty(), "not bob's offer");
        assertTrue(contacts.accept(offered.id(), "alice", EXPIRES).isEmpty(), "expired");

        Contact accepted = contacts.accept(offered.id(), "alice", NOW).orElseThrow();
        assertEquals(ContactState.ASSIGNED, accepted.state());
        assertEquals(NOW, accepted.offer().acceptedAt());
        assertTrue(contacts.accept(offered.id(), "alice", NOW).isEmpty(), "accepted already");
    }

    @Test
    void neverToAnAgentTheContactExcludes() {
        Contact declinedByAlice = pending(List.of("alice"));
        assertTrue(contacts.claimPending(declinedByAlice, "alice", NOW, EXPIRES).isEmpty());
        assertEquals("bob", contacts.claimPending(declinedByAlice, "bob", NOW, EXPIRES).orElseThrow()
                .offer().agentId());
    }
}
