package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded store answers conjunctions on a unique field from its index, with the backend's own results. */
class IndexedMemoryBackendTest {

    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static MongoCollection<Document> agents;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString());
        agents = client.getDatabase("indexed").getCollection("agents");
        agents.createIndex(Indexes.ascending("login"), new IndexOptions().unique(true));
        IntStream.range(0, 200).forEach(i -> agents.insertOne(new Document("_id", "a-" + i)
                .append("login", "login-" + i).append("version", i % 3).append("load", 0)));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void aConditionalUpdateByIdAppliesOnlyWhenEveryConditionHolds() {
        var wrongVersion = agents.updateOne(Filters.and(Filters.eq("_id", "a-4"), Filters.eq("version", 0)),
                Updates.inc("load", 1));
        assertEquals(0, wrongVersion.getMatchedCount(), "a-4 has version 1");
        var right = agents.updateOne(Filters.and(Filters.eq("_id", "a-4"), Filters.eq("version", 1),
                Filters.lt("load", 1)), Updates.inc("load", 1));
        assertEquals(1, right.getModifiedCount());
        var full = agents.updateOne(Filters.and(Filters.eq("_id", "a-4"), Filters.lt("load", 1)),
                Updates.inc("load", 1));
        assertEquals(0, full.getMatchedCount(), "capacity used up");
        assertEquals(1, agents.find(Filters.eq("_id", "a-4")).first().getInteger("load"));
    }

    @Test
    void findsByAUniqueKeyWithMoreConditionsAndByInsideAnOr() {
        assertNotNull(agents.find(Filters.and(Filters.eq("login", "login-7"), Filters.eq("version", 1))).first());
        assertNull(agents.find(Filters.and(Filters.eq("login", "login-7"), Filters.eq("version", 2))).first());
        assertNull(agents.find(Filters.and(Filters.eq("_id", "unknown"), Filters.eq("version", 1))).first());
        // an $or is never narrowed by one of its branches: both branches' documents are found
        List<Document> either = agents.find(Filters.or(Filters.eq("_id", "a-1"), Filters.eq("login", "login-2")))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
        assertEquals(List.of("a-1", "a-2"), either.stream().map(d -> d.getString("_id")).toList());
        List<Document> in = agents.find(Filters.and(Filters.in("_id", "a-5", "a-6", "a-7"), Filters.eq("version", 0)))
                .into(new ArrayList<>());
        assertEquals(List.of("a-6"), in.stream().map(d -> d.getString("_id")).toList());
    }

    @Test
    void uniqueKeysAreStillEnforced() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(MongoWriteException.class,
                () -> agents.insertOne(new Document("_id", "dup").append("login", "login-3")));
        assertEquals(ErrorCategory.DUPLICATE_KEY, e.getError().getCategory());
    }

    @Test
    void theIndexNarrowsConjunctionsButNeverDisjunctions() {
        var index = new IndexedMemoryBackend.NarrowingUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);
        var byIdAndVersion = new de.bwaldvogel.mongo.bson.Document("_id", "a-1").append("version", 2);
        assertTrue(index.canHandle(byIdAndVersion));
        assertEquals(new de.bwaldvogel.mongo.bson.Document("_id", "a-1"), index.narrowing(byIdAndVersion));
        var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("version", 2), new de.bwaldvogel.mongo.bson.Document("_id", "a-1")));
        assertTrue(index.canHandle(and));
        var or = new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a-1"), new de.bwaldvogel.mongo.bson.Document("version", 2)));
        assertFalse(index.canHandle(or));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("version", 2)));
    }
}
