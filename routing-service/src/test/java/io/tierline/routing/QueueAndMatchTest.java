package io.tierline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.RecordingEmitter;
import io.tierline.events.AgentStatus;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.Channel;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.platform.messaging.PublishFailedException;
import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.messaging.AssignmentBroadcaster;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import io.tierline.routing.store.QueueStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ContactRouter#queueAndMatch} on the store (a real MongoDB wire server): an agent's capacity reserved while
 * the contact's event is on its way is used for the offer once the broker acknowledged, and given back when it
 * did not or when the contact changed meanwhile. The broker is an in-memory emitter acknowledging at once: this
 * tests one class, the journeys with Kafka are in JourneyTest and the system tests.
 */
class QueueAndMatchTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private final RecordingEmitter assignments = RecordingEmitter.acking();
    private ContactStore contacts;
    private AgentStore agents;
    private ContactRouter router;
    private String queue;

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        MongoDatabase db = client.getDatabase("queue-and-match-" + UUID.randomUUID());
        contacts = new ContactStore(db);
        agents = new AgentStore(db);
        QueueStore queues = new QueueStore(db);
        queue = "l1-" + UUID.randomUUID();
        queues.put(new RoutingQueue(queue, "L1 chat", 1, Set.of(Channel.CHAT), List.of("en"), Map.of(), List.of(),
                new Sla(30, 80), null, null, Strategy.LONGEST_IDLE, null));
        RoutingConfig config = config();
        RoutingPublisher publisher = new RoutingPublisher(config, new AssignmentBroadcaster(), assignments,
                RecordingEmitter.acking(), RecordingEmitter.acking(), RecordingEmitter.acking());
        router = new ContactRouter(contacts, agents, new QueueCatalog(queues, Duration.ZERO), publisher,
                new RoutingClock(Clock.fixed(NOW, ZoneOffset.UTC)), config);
    }

    @Test
    void acknowledgedTheContactGoesStraightToTheReservedAgent() {
        available("alice", 1);
        Contact pending = pending();

        router.queueAndMatch(pending, CompletableFuture.completedFuture(null));

        Contact offered = contacts.find(pending.id()).orElseThrow();
        assertEquals(ContactState.OFFERED, offered.state());
        assertEquals("alice", offered.offer().agentId());
        assertTrue(offered.offer().announced(), "its ContactOffered went out");
        assertEquals(List.of("ContactOffered"), types());
        assertEquals(0, free("alice"));
    }

    @Test
    void withNoAgentFreeTheContactWaitsQueued() {
        Contact pending = pending();

        router.queueAndMatch(pending, CompletableFuture.completedFuture(null));

        assertEquals(ContactState.QUEUED, contacts.find(pending.id()).orElseThrow().state());
        assertEquals(List.of(), types());
    }

    @Test
    void notAcknowledgedTheCapacityGoesBackAndTheContactStaysPending() {
        available("alice", 1);
        Contact pending = pending();
        PublishFailedException brokerDown = new PublishFailedException(
                io.tierline.routing.messaging.RoutingEvents.queued(pending), new IllegalStateException("broker down"));

        PublishFailedException thrown = assertThrows(PublishFailedException.class,
                () -> router.queueAndMatch(pending, CompletableFuture.failedFuture(brokerDown)));

        assertSame(brokerDown, thrown);
        assertEquals(ContactState.PENDING, contacts.find(pending.id()).orElseThrow().state(),
                "for a redelivery or the recovery sweep to finish");
        assertEquals(1, free("alice"));
        assertEquals(List.of(), agents.find("alice").orElseThrow().holds());
    }

    @Test
    void aContactAnotherDeliveryQueuedMeanwhileIsOfferedOnceAndTheAgentsCapacityUsedOnce() {
        available("alice", 1);
        Contact pending = pending();
        contacts.announce(pending.id()); // another delivery got there first: QUEUED, not yet matched

        router.queueAndMatch(pending, CompletableFuture.completedFuture(null));

        Contact offered = contacts.find(pending.id()).orElseThrow();
        assertEquals(ContactState.OFFERED, offered.state(), "the agent, given back, took it as waiting work");
        assertEquals(1, offered.offerSeq());
        assertEquals("alice", offered.offer().agentId());
        assertEquals(List.of("ContactOffered"), types());
        assertEquals(0, free("alice"));
        assertEquals(List.of(pending.id()), agents.find("alice").orElseThrow().holds());
    }

    /** The types of the assignment events sent, in order. */
    private List<String> types() {
        return assignments.payloads().stream().map(p -> EventJson.read(p, AssignmentEvent.class).typeName()).toList();
    }

    private void available(String agentId, int chatCapacity) {
        agents.put(new AgentProfile(agentId, "A", 1, Map.of(), List.of("en"), Map.of(Channel.CHAT, chatCapacity),
                null), NOW.minusSeconds(60));
        agents.changeStatus(agentId, AgentStatus.AVAILABLE, NOW.minusSeconds(60)).orElseThrow();
    }

    private int free(String agentId) {
        return agents.find(agentId).orElseThrow().freeFor(Channel.CHAT);
    }

    private Contact pending() {
        String id = "c-" + UUID.randomUUID();
        assertTrue(contacts.insert(new Contact(id, ContactState.PENDING, Channel.CHAT, null, "en", "Card declined",
                "billing", Priority.NORMAL, null, null, 0, queue, 1, "first tier-1 queue", NOW, NOW, "arrival-" + id,
                0, null, null, List.of(), List.of(), List.of(), List.of("arrival-" + id), null, null, 0, null)));
        return contacts.find(id).orElseThrow();
    }

    /** Only what matching reads; any other setting is not expected here. */
    private static RoutingConfig config() {
        InvocationHandler settings = (proxy, method, args) -> switch (method.getName()) {
            case "publishTimeout" -> Duration.ofSeconds(5);
            case "candidateLimit" -> 100;
            case "offerTimeout" -> Map.of();
            case "offerTimeoutDefault" -> Duration.ofSeconds(30);
            default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                    : failUnexpected(method.getName());
        };
        return (RoutingConfig) Proxy.newProxyInstance(RoutingConfig.class.getClassLoader(),
                new Class<?>[] {RoutingConfig.class}, settings);
    }

    private static Object failUnexpected(String setting) {
        throw new UnsupportedOperationException("setting " + setting + " not expected in this test");
    }
}
