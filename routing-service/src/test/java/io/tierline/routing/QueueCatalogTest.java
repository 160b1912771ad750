package io.tierline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.events.Channel;
import io.tierline.routing.store.QueueStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matching's copy of the queues, on the store over TCP. "Another instance" is a write straight to the store,
 * which this catalog does not hear of.
 */
class QueueCatalogTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static EmbeddedMongo mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static QueueStore store(String database) {
        return new QueueStore(client.getDatabase(database));
    }

    private static RoutingQueue queue(String id, int tier, String language, Integer wrapUpSeconds) {
        return new RoutingQueue(id, id, tier, Set.of(Channel.CHAT), List.of(language), Map.of(), List.of(), null,
                null, null, null, wrapUpSeconds);
    }

    @Test
    void aChangeByAnotherInstanceIsSeenAfterTheRefreshIntervalOrAtOnceAfterInvalidate() {
        QueueStore store = store("catalog-change");
        store.put(queue("q-1", 1, "en", 30));
        QueueCatalog catalog = new QueueCatalog(store, LONG);
        assertEquals(30, catalog.find("q-1").orElseThrow().wrapUpSeconds());

        store.put(queue("q-1", 1, "en", 90));
        assertEquals(30, catalog.find("q-1").orElseThrow().wrapUpSeconds(), "served from the copy");
        catalog.invalidate();
        assertEquals(90, catalog.find("q-1").orElseThrow().wrapUpSeconds());

        QueueCatalog unbuffered = new QueueCatalog(store, Duration.ZERO);
        unbuffered.all();
        store.put(queue("q-1", 1, "en", 120));
        assertEquals(120, unbuffered.find("q-1").orElseThrow().wrapUpSeconds(), "a zero interval reads every time");
    }

    @Test
    void aQueueTheCopyDoesNotHoldIsReadFromTheStore() {
        QueueStore store = store("catalog-new");
        store.put(queue("q-old", 1, "en", null));
        QueueCatalog catalog = new QueueCatalog(store, LONG);
        assertEquals(List.of("q-old"), catalog.all().stream().map(RoutingQueue::id).toList());

        store.put(queue("q-new", 2, "de", null));
        assertTrue(catalog.find("q-new").isPresent(), "a miss reads the store again");
        assertEquals(List.of("q-new"), catalog.ofTier(2).stream().map(RoutingQueue::id).toList(),
                "and the copy now holds it");
        assertTrue(catalog.find("q-missing").isEmpty());
    }

    @Test
    void theFreshEntryTierAlwaysReadsTheStore() {
        QueueStore store = store("catalog-fresh");
        store.put(queue("q-a", 1, "en", null));
        QueueCatalog catalog = new QueueCatalog(store, LONG);
        assertEquals(1, catalog.ofTier(1).size());

        store.put(queue("q-b", 1, "fr", null));
        store.put(queue("q-c", 2, "fr", null));
        assertEquals(1, catalog.ofTier(1).size(), "served from the copy");
        assertEquals(List.of("q-a", "q-b"), catalog.ofTierFresh(1).stream().map(RoutingQueue::id).toList());
        assertEquals(List.of("q-c"), catalog.ofTier(2).stream().map(RoutingQueue::id).toList());
    }
}
