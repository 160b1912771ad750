package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.PROBE;
import static io.tierline.routing.Fixtures.WAIT;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.command;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import io.tierline.routing.store.QueueStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Restart recovery without a redelivery: the test writes the state a crash leaves behind straight into the
 * store (times older than the recovery age), then the recovery sweep, run by the scheduler and by two more
 * callers at once (as two instances would), finishes it exactly once.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RecoveryTest {

    private static final Duration QUIET = Duration.ofSeconds(3);

    @Inject
    Recovery recovery;
    @Inject
    ContactStore contacts;
    @Inject
    AgentStore agents;
    @Inject
    QueueStore queues;
    @Inject
    MongoDatabase database;

    private final String lang = language();
    private final String queue = unique("l1");
    private final Instant longAgo = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(
            java.time.temporal.ChronoUnit.MILLIS);

    /** Two sweeps at once, as two instances would run them, plus the scheduled one. */
    private void sweepTwiceAtOnce() {
        CompletableFuture.allOf(CompletableFuture.runAsync(recovery::sweep),
                CompletableFuture.runAsync(recovery::sweep)).join();
    }

    /** The contact's events of that type, waiting {@link #QUIET} for any duplicate. */
    private static <T extends io.tierline.events.TierlineEvent> List<T> all(String contactId, Class<T> type) {
        String marker = "\"type\":\"" + type.getSimpleName() + "\"";
        return PROBE.await(Topics.CONTACTS_ASSIGNMENTS, r -> contactId.equals(r.key()) && r.value().contains(marker),
                2, QUIET).stream().map(r -> EventJson.read(r.value(), type)).toList();
    }

    private void awaitState(String contactId, String state) {
        Awaitility.await().atMost(WAIT).until(() -> state.equals(
                asAdmin().get("/contacts/" + contactId).then().extract().path("state")));
    }

    /** The contact's offers: exactly two (the one before the crash, one after the recovery); the second. */
    private static ContactOffered secondOffer(String contactId) {
        List<ContactOffered> offers = Fixtures.events(Topics.CONTACTS_ASSIGNMENTS, contactId, ContactOffered.class, 2);
        assertEquals(2, offers.size(), "one offer before the crash, one after the recovery: " + offers);
        assertEquals(2, all(contactId, ContactOffered.class).size(), "and no other");
        return offers.get(1);
    }

    private String offeredTo(String agent) {
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
        return contact;
    }

    @Test
    void aContactLeftPendingByAQueuePutIsQueuedAndOfferedOnce() {
        String agent = unique("agent");
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        var arrival = arrive(contact, Channel.CHAT, lang);
        awaitState(contact, "WAITING");
        // PUT /queues stored the queue and placed the contact, then the instance died before ContactQueued
        queues.put(new RoutingQueue(queue, "Q", 1, Set.of(Channel.CHAT), List.of(lang), Map.of(), List.of(), null,
                null, null, null, null));
        assertTrue(contacts.place(contact, new Placement(queue, 1, "fits queue " + queue, longAgo,
                arrival.eventId())));

        sweepTwiceAtOnce();
        ContactOffered offered = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        assertEquals(agent, offered.agentId());
        List<ContactQueued> queued = all(contact, ContactQueued.class);
        assertEquals(1, queued.size(), "queued exactly once: " + queued);
        assertEquals(longAgo, queued.get(0).occurredAt(), "it keeps the time it was placed");
        assertEquals(1, all(contact, ContactOffered.class).size());
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
    }

    @Test
    void aDeclineInterruptedBeforeItsEventIsFinishedOnceAndTheContactGoesToAnotherAgent() {
        putQueue(queue, 1, lang, Channel.CHAT);
        String first = unique("agent");
        String contact = offeredTo(first);
        String second = unique("agent");
        putAgent(second, 1, lang, Map.of("CHAT", 1));
        status(second, "AVAILABLE");
        // the decline's first update went through, then the instance died: capacity held, nothing published
        assertTrue(contacts.decline(contact, new Decline(first, 1, queue, 1, longAgo)));

        sweepTwiceAtOnce();
        assertEquals(second, secondOffer(contact).agentId());
        assertEquals(1, all(contact, io.tierline.events.OfferDeclined.class).size(), "declined exactly once");
        asAdmin().get("/agents/" + first).then().body("load.CHAT", equalTo(0));
        asAdmin().get("/agents/" + second).then().body("load.CHAT", equalTo(1));
    }

    @Test
    void aTransferInterruptedBeforeItsEventsIsFinishedOnceInTheTargetQueue() {
        putQueue(queue, 1, lang, Channel.CHAT);
        String target = unique("l1x");
        putQueue(target, 1, lang, Channel.CHAT);
        String first = unique("agent");
        String contact = offeredTo(first);
        command(first, "/offers/" + contact + "/accept", Map.of());
        String second = unique("agent");
        putAgent(second, 1, lang, Map.of("CHAT", 1));
        status(second, "AVAILABLE");
        Placement placement = new Placement(target, 1, "transferred", longAgo,
                EventIds.derive(contact, "transfer", 1));
        assertTrue(contacts.transfer(contact, null, placement,
                new Transfer(first, 1, queue, 1, target, 1, longAgo, 1000, 0)));

        sweepTwiceAtOnce();
        assertEquals(second, secondOffer(contact).agentId());
        assertEquals(1, all(contact, io.tierline.events.ContactTransferred.class).size(), "transferred once");
        List<ContactQueued> queued = all(contact, ContactQueued.class);
        assertEquals(2, queued.size(), "queued on arrival and once in the target queue: " + queued);
        assertEquals(target, queued.get(1).queueId());
        asAdmin().get("/agents/" + first).then().body("load.CHAT", equalTo(0));
    }

    @Test
    void capacityReservedButNeverClaimedGoesBackOnceAndAClaimedReservationStays() {
        putQueue(queue, 1, lang, Channel.CHAT);
        String agent = unique("agent");
        putAgent(agent, 1, lang, Map.of("CHAT", 2));
        status(agent, "AVAILABLE");
        String claimed = unique("c");
        arrive(claimed, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, claimed, ContactOffered.class);
        database.getCollection("agents").updateOne(Filters.eq("_id", agent),
                Updates.set("reservations.0.at", Date.from(longAgo)));
        // a reservation whose claim never happened (the instance died in between); it is made now and aged only
        // once the waiting contact is queued behind it, so the scheduled sweep cannot release it any earlier
        String ghost = unique("ghost");
        assertTrue(agents.reserve(agent, Channel.CHAT, ghost, Instant.now()));
        String waiting = unique("c");
        arrive(waiting, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, waiting, ContactQueued.class);
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(2));
        assertEquals(1, database.getCollection("agents").updateOne(
                Filters.and(Filters.eq("_id", agent), Filters.eq("reservations.contact", ghost)),
                Updates.set("reservations.$.at", Date.from(longAgo))).getModifiedCount());

        sweepTwiceAtOnce();
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, waiting, ContactOffered.class).agentId(),
                "the released capacity takes the waiting contact");
        assertEquals(1, all(waiting, ContactOffered.class).size());
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(2));
        asAdmin().get("/contacts/" + claimed).then().body("state", equalTo("OFFERED")).body("agentId", equalTo(agent));
        Awaitility.await().atMost(WAIT).until(() -> agents.find(agent).orElseThrow().holds().equals(
                List.of(claimed, waiting)));
    }
}
