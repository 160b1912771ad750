package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's indexes do the work a real MongoDB's do: the queries routing's sweeps and matching send
 * examine the documents the index selects, not the collection (counted by {@link IndexedMemoryCollection}).
 * Each test also checks the answer itself.
 */
class IndexUseTest {

    private static final int AGENTS = 2000;
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static IndexedMemoryBackend backend;
    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> agents;

    @BeforeAll
    static void start() {
        backend = new IndexedMemoryBackend();
        server = new MongoServer(backend);
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        agents = client.getDatabase("d").getCollection("agents");
        agents.createIndex(Indexes.ascending("status", "tier", "idleSince"));
        agents.createIndex(Indexes.ascending("streamSeenAt"));
        agents.createIndex(Indexes.ascending("tier"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Document agent = new Document("_id", String.format("ag-%04d", i))
                    .append("status", i % 10 == 0 ? "AWAY" : "AVAILABLE")
                    .append("tier", 1 + i % 2)
                    .append("idleSince", Date.from(T0.plusSeconds(AGENTS - i)))
                    .append("free", new Document("CHAT", i % 3));
            if (i % 100 == 0) {
                agent.append("streamSeenAt", Date.from(T0.plusSeconds(i)));
            }
            docs.add(agent);
        }
        agents.insertMany(docs);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theLongestIdleAgentsWithFreeCapacityAreReadInIndexOrderUntilTheLimit() {
        var found = examining(() -> agents.find(Filters.and(Filters.eq("status", "AVAILABLE"), Filters.eq("tier", 1),
                Filters.gt("free.CHAT", 0))).sort(Sorts.ascending("idleSince", "_id")).limit(10)
                .into(new ArrayList<>()));
        assertEquals(10, found.result().size());
        // the longest idle have the highest numbers; tier 1 the even ones, a third of them without free chats
        assertEquals("ag-1996", found.result().get(0).getString("_id"));
        assertTrue(found.examined() < 60, "read in idle order, stopped after the limit: " + found.examined());
        assertTrue(found.entriesRead() < 60, "and the index itself read only that far, not the 800 AVAILABLE tier-1"
                + " agents: " + found.entriesRead());
    }

    @Test
    void anOldTimestampIsFoundAmongFewDocumentsAndNeverAmongThoseWithoutIt() {
        var stale = examining(() -> agents.find(Filters.lte("streamSeenAt", Date.from(T0.plusSeconds(250))))
                .into(new ArrayList<>()));
        assertEquals(List.of("ag-0000", "ag-0100", "ag-0200"), stale.result().stream().map(d -> d.getString("_id"))
                .sorted().toList());
        assertTrue(stale.examined() <= 3, "a date range skips the documents without the field: " + stale.examined());
    }

    @Test
    void anEqualityOnALeadingFieldNarrowsToItsDocuments() {
        var found = examining(() -> agents.find(Filters.eq("status", "AWAY")).into(new ArrayList<>()));
        assertEquals(AGENTS / 10, found.result().size());
        assertTrue(found.examined() <= AGENTS / 10, "only the AWAY agents examined: " + found.examined());
    }

    private static <T> Examined<T> examining(Supplier<T> query) {
        var collection = (IndexedMemoryCollection) backend.resolveDatabase("d").resolveCollection("agents", true);
        long before = collection.examined();
        long entriesBefore = collection.indexEntriesRead();
        T result = query.get();
        return new Examined<>(result, collection.examined() - before, collection.indexEntriesRead() - entriesBefore);
    }

    private record Examined<T>(T result, long examined, long entriesRead) {
    }
}
