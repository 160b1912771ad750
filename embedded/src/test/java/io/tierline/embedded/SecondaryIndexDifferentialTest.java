package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                c.createIndex(Indexes.compoundIndex(Indexes.ascending("queue", "state"), Indexes.descending("n")));
                c.createIndex(Indexes.ascending("state", "when"));
                c.createIndex(Indexes.ascending("scores"));
                c.createIndex(Indexes.ascending("offer.agent", "state"));
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
                    Bson sort = randomSort(random);
                    int skip = random.nextInt(3);
                    int limit = 1 + random.nextInt(8);
                    assertEquals(scan.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()),
                            idx.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()),
                            "find " + filter + " sort " + sort + " skip " + skip + " limit " + limit + " seed " + seed);
                    assertEquals(scan.countDocuments(filter), idx.countDocuments(filter), "count " + filter);
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
    void plansEqualityOnALeadingRunOfFieldsThenOneRange() {
        var index = new SecondaryMemoryIndex("state_queue_n", List.of(new IndexKey("state", true),
                new IndexKey("queue", true), new IndexKey("n", false)), false);
        var both = doc("state", "QUEUED").append("queue", "q1").append("x", 3);
        assertEquals(2, index.plan(both).prefix());
        assertFalse(index.plan(both).range());
        var inAnd = doc("$and", List.of(doc("queue", "q1"), doc("state", "QUEUED")));
        assertEquals(2, index.plan(inAnd).prefix());
        assertEquals(1, index.plan(doc("state", "QUEUED")).prefix(), "a leading field is enough");
        assertNull(index.plan(doc("queue", "q1")), "but not a later one alone");
        var ranged = index.plan(doc("state", "QUEUED").append("queue", "q1").append("n", doc("$lt", 4)));
        assertEquals(2, ranged.prefix());
        assertTrue(ranged.range());
        var in = index.plan(doc("state", doc("$in", List.of("QUEUED", "OFFERED"))).append("queue", "q1"));
        assertEquals(2, in.bounds().size(), "one probe per combination of values");
        assertEquals(1, index.plan(doc("state", "QUEUED").append("queue", doc("$ne", "q1"))).prefix());
        assertEquals(1, index.plan(doc("state", "QUEUED").append("queue", null)).prefix(), "null also matches missing");
        assertTrue(index.plan(doc("state", doc("$gte", "A"))).range(), "a range on the first field");
        assertNull(index.plan(doc("$or", List.of(both))));
        assertNull(index.plan(doc("state", doc("$exists", true))));
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
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
        if (r.nextInt(4) > 0) {
            d.append("when", randomDate(r));
        }
        if (r.nextBoolean()) {
            d.append("scores", r.nextBoolean() ? List.of(r.nextInt(20), r.nextInt(20)) : r.nextInt(20));
        }
        return d;
    }

    private static Bson randomFilter(Random r) {
        return switch (r.nextInt(19)) {
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
            case 10 -> Filters.and(Filters.ne("state", pick(r, STATES)), Filters.eq("queue", pick(r, QUEUES)));
            case 11 -> Filters.and(Filters.eq("state", pick(r, STATES)), Filters.lte("when", randomDate(r)));
            case 12 -> Filters.and(Filters.eq("state", pick(r, STATES)), Filters.gt("when", randomDate(r)),
                    Filters.lt("when", randomDate(r)));
            case 13 -> Filters.and(Filters.gte("scores", r.nextInt(20)), Filters.lte("scores", r.nextInt(20)));
            case 14 -> Filters.and(Filters.eq("queue", pick(r, QUEUES)),
                    Filters.in("state", pick(r, STATES), pick(r, STATES)), Filters.gte("n", r.nextInt(10)));
            case 15 -> Filters.and(Filters.eq("queue", pick(r, QUEUES)), Filters.eq("state", pick(r, STATES)),
                    Filters.lt("n", r.nextInt(10)));
            case 16 -> Filters.lt("n", r.nextInt(10));
            case 17 -> Filters.and(Filters.eq("offer.agent", pick(r, AGENTS)),
                    Filters.in("state", pick(r, STATES), pick(r, STATES)));
            default -> Filters.and(Filters.eq("queue", pick(r, QUEUES)), Filters.gt("state", pick(r, STATES)));
        };
    }

    private static Bson randomSort(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Sorts.ascending("n");
            case 1 -> Sorts.descending("n", "_id");
            case 2 -> Sorts.ascending("when", "_id");
            case 3 -> Sorts.descending("when");
            case 4 -> Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("when"));
            default -> Sorts.ascending("scores");
        };
    }

    private static java.util.Date randomDate(Random r) {
        return new java.util.Date(1_700_000_000_000L + r.nextInt(50) * 1000L);
    }

    private static Bson randomUpdate(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> Updates.set("state", pick(r, STATES));
            case 1 -> Updates.set("queue", pick(r, QUEUES));
            case 2 -> Updates.unset("queue");
            case 3 -> r.nextBoolean() ? Updates.set("tags", List.of(pick(r, TAGS), pick(r, TAGS)))
                    : Updates.set("tags", pick(r, TAGS));
            case 4 -> Updates.set("offer", new Document("agent", pick(r, AGENTS)).append("seq", r.nextInt(3)));
            case 5 -> Updates.set("when", randomDate(r));
            case 6 -> r.nextBoolean() ? Updates.unset("when") : Updates.set("scores", r.nextInt(20));
            default -> Updates.inc("n", 1);
        };
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
