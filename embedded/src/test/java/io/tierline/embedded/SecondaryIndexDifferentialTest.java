package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * The embedded store with its indexes answers exactly what mongo-java-server's own memory backend answers by
 * scanning: the same seeded random inserts, updates, deletes and queries go to both, and every query's result
 * (in natural order) must be the same.
 */
class SecondaryIndexDifferentialTest {

    private static final String[] STATES = {"QUEUED", "OFFERED", "ASSIGNED", "DONE"};
    private static final String[] QUEUES = {"q1", "q2", "q3", "q4", "q5"};
    private static final String[] TAGS = {"a", "b", "c", "d", "e"};
    private static final String[] AGENTS = {"ag1", "ag2", "ag3", "ag4"};

    @Test
    void indexedAndScanningStoresAnswerTheSame() {
        long seed = Long.getLong("tierline.test.seed", 20261126L);
        Random random = new Random(seed);
        MongoServer reference = new MongoServer(new MemoryBackend());
        var address = reference.bind();
        try (EmbeddedMongo indexed = EmbeddedMongo.start(0, null);
             MongoClient plainClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
             MongoClient indexedClient = MongoClients.create(indexed.connectionString())) {
            MongoCollection<Document> scan = plainClient.getDatabase("d").getCollection("c");
            MongoCollection<Document> idx = indexedClient.getDatabase("d").getCollection("c");
            for (MongoCollection<Document> c : List.of(scan, idx)) {
                c.createIndex(Indexes.ascending("state"));
                c.createIndex(Indexes.ascending("state", "queue"));
                c.createIndex(Indexes.ascending("tags"));
                c.createIndex(Indexes.ascending("offer.agent"));
                c.createIndex(Indexes.ascending("n"));
            }
            int queries = 0;
            for (int op = 0; op < 3000; op++) {
                int kind = random.nextInt(10);
                if (kind < 3) {
                    Document doc = randomDocument(random, op);
                    scan.insertOne(new Document(doc));
                    idx.insertOne(new Document(doc));
                } else if (kind < 5) {
                    Bson filter = randomFilter(random);
                    Bson update = randomUpdate(random);
                    assertEquals(scan.updateOne(filter, update).getModifiedCount(),
                            idx.updateOne(filter, update).getModifiedCount(), "updateOne " + filter + " seed " + seed);
                } else if (kind < 6) {
                    Bson filter = randomFilter(random);
                    Bson update = randomUpdate(random);
                    assertEquals(scan.updateMany(filter, update).getModifiedCount(),
                            idx.updateMany(filter, update).getModifiedCount(), "updateMany " + filter + " seed " + seed);
                } else if (kind < 7) {
                    Bson filter = randomFilter(random);
                    assertEquals(scan.deleteOne(filter).getDeletedCount(), idx.deleteOne(filter).getDeletedCount(),
                            "deleteOne " + filter + " seed " + seed);
                } else {
                    Bson filter = randomFilter(random);
                    assertEquals(scan.find(filter).into(new ArrayList<>()), idx.find(filter).into(new ArrayList<>()),
                            "find " + filter + " seed " + seed);
                    assertEquals(scan.find(filter).sort(Sorts.descending("n")).limit(3).into(new ArrayList<>()),
                            idx.find(filter).sort(Sorts.descending("n")).limit(3).into(new ArrayList<>()),
                            "find sorted " + filter + " seed " + seed);
                    queries++;
                }
            }
            assertTrue(queries > 500, "enough queries compared");
            assertTrue(scan.countDocuments() > 100, "a collection of some size");
            assertEquals(scan.find().into(new ArrayList<>()), idx.find().into(new ArrayList<>()), "same documents");
        } finally {
            reference.shutdownNow();
        }
    }

    @Test
    void answersEqualityOnEveryFieldOfTheIndexOnly() {
        var index = new SecondaryMemoryIndex("state_queue", List.of(new IndexKey("state", true),
                new IndexKey("queue", true)), false);
        var both = new de.bwaldvogel.mongo.bson.Document("state", "QUEUED").append("queue", "q1").append("n", 3);
        assertNotNull(index.lookups(both));
        assertTrue(index.canHandle(both));
        var inAnd = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("queue", "q1"), new de.bwaldvogel.mongo.bson.Document("state", "QUEUED")));
        assertTrue(index.canHandle(inAnd));
        assertNull(index.lookups(new de.bwaldvogel.mongo.bson.Document("state", "QUEUED")), "a prefix is not enough");
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("state", "QUEUED")
                .append("queue", new de.bwaldvogel.mongo.bson.Document("$ne", "q1"))));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("state", "QUEUED").append("queue", null)));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$or", List.of(both))));
    }

    private static Document randomDocument(Random r, int n) {
        Document d = new Document("_id", "doc-" + n)
                .append("state", pick(r, STATES))
                .append("n", r.nextInt(10));
        if (r.nextInt(5) > 0) {
            d.append("queue", pick(r, QUEUES));
        }
        List<String> tags = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            tags.add(pick(r, TAGS));
        }
        if (r.nextBoolean()) {
            d.append("tags", tags);
        } else if (!tags.isEmpty()) {
            d.append("tags", tags.get(0));
        }
        if (r.nextBoolean()) {
            d.append("offer", new Document("agent", pick(r, AGENTS)).append("seq", r.nextInt(3)));
        }
        return d;
    }

    private static Bson randomFilter(Random r) {
        return switch (r.nextInt(11)) {
            case 0 -> Filters.eq("state", pick(r, STATES));
            case 1 -> Filters.and(Filters.eq("state", pick(r, STATES)), Filters.eq("queue", pick(r, QUEUES)));
            case 2 -> Filters.and(Filters.eq("state", pick(r, STATES)), Filters.lt("n", r.nextInt(10)));
            case 3 -> Filters.eq("tags", pick(r, TAGS));
            case 4 -> Filters.in("state", pick(r, STATES), pick(r, STATES));
            case 5 -> Filters.eq("offer.agent", pick(r, AGENTS));
            case 6 -> Filters.and(Filters.eq("offer.agent", pick(r, AGENTS)), Filters.eq("offer.seq", r.nextInt(3)));
            case 7 -> Filters.or(Filters.eq("state", pick(r, STATES)), Filters.eq("n", r.nextInt(10)));
            case 8 -> Filters.eq("n", r.nextInt(10));
            case 9 -> Filters.and(Filters.eq("_id", "doc-" + r.nextInt(3000)), Filters.eq("state", pick(r, STATES)));
            default -> Filters.and(Filters.ne("state", pick(r, STATES)), Filters.eq("queue", pick(r, QUEUES)));
        };
    }

    private static Bson randomUpdate(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Updates.set("state", pick(r, STATES));
            case 1 -> Updates.set("queue", pick(r, QUEUES));
            case 2 -> Updates.unset("queue");
            case 3 -> r.nextBoolean() ? Updates.set("tags", List.of(pick(r, TAGS), pick(r, TAGS)))
                    : Updates.set("tags", pick(r, TAGS));
            case 4 -> Updates.set("offer", new Document("agent", pick(r, AGENTS)).append("seq", r.nextInt(3)));
            default -> Updates.inc("n", 1);
        };
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
