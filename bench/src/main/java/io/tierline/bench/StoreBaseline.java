package io.tierline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The store's own cost of a service's simplest writes, measured on copies of what the service stored in the run,
 * in a fresh collection with the indexes of the service's, through the MongoDB driver from one thread: busy CPU of
 * the whole machine per write, the driver's side and the store's. A quarter as many writes go first, unmeasured:
 * this JVM's driver is compiled meanwhile.
 * <ul>
 * <li>{@link #run}: the one write every accepted contact needs, intake's contact documents (each under a new id
 * and new values for its unique fields) inserted in unordered batches as intake's store batcher sends them;</li>
 * <li>{@link #conditionalUpdates}: the kind of write routing makes several of per contact, one conditional
 * {@code findOneAndUpdate} by {@code _id} per round trip (as a capacity reservation or a claim), here on copies
 * of routing's agents. Its update touches no indexed field, so it is a lower bound for routing's own.</li>
 * </ul>
 */
final class StoreBaseline {

    /** intake's database and collection (its {@code quarkus.mongodb.database} and ContactStore). */
    private static final String INTAKE_DATABASE = "tierline-intake";
    private static final String CONTACTS = "contacts";

    record Result(long documents, int batch, double documentsPerSecond, double cpuMsPerDocument, int indexes) {
    }

    private StoreBaseline() {
    }

    static Result run(String connectionString, long documents, int batch) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> source = client.getDatabase(INTAKE_DATABASE).getCollection(CONTACTS);
            List<Document> templates = source.find().limit(100).into(new ArrayList<>());
            if (templates.isEmpty()) {
                throw new IllegalStateException("intake stored no contact to copy");
            }
            MongoCollection<Document> target = client.getDatabase("bench-store-baseline").getCollection(CONTACTS);
            List<String> uniqueFields = new ArrayList<>();
            int indexes = copyIndexes(source, target, uniqueFields);
            // this JVM's driver has not run before: its first calls are compiled, not measured
            insert(target, templates, uniqueFields, "W-", documents / 4, batch);
            double cpuFrom = MachineCpu.busyMs();
            long start = System.nanoTime();
            insert(target, templates, uniqueFields, "B-", documents, batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuTo = MachineCpu.busyMs();
            target.drop();
            return new Result(documents, batch, documents / seconds,
                    MachineCpu.msPerOperation(cpuFrom, cpuTo, documents), indexes);
        }
    }

    private static void insert(MongoCollection<Document> target, List<Document> templates, List<String> uniqueFields,
            String idPrefix, long documents, int batch) {
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        long n = 0;
        while (n < documents) {
            List<Document> docs = new ArrayList<>(batch);
            for (int i = 0; i < batch && n < documents; i++, n++) {
                Document copy = new Document(templates.get((int) (n % templates.size())));
                String id = idPrefix + n;
                copy.put("_id", id);
                for (String field : uniqueFields) {
                    copy.put(field, id);
                }
                docs.add(copy);
            }
            target.insertMany(docs, unordered);
        }
    }

    /**
     * {@code updates} conditional {@code findOneAndUpdate}s by {@code _id}, round robin over copies of the
     * documents in {@code database.collection} (routing's agents), each returning the document after it, one
     * round trip each; the result's batch is 1.
     */
    static Result conditionalUpdates(String connectionString, String database, String collection, long updates) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> source = client.getDatabase(database).getCollection(collection);
            List<Document> copies = source.find().into(new ArrayList<>());
            if (copies.isEmpty()) {
                throw new IllegalStateException(database + "." + collection + " holds no document to copy");
            }
            MongoCollection<Document> target = client.getDatabase("bench-store-baseline").getCollection(collection);
            int indexes = copyIndexes(source, target, new ArrayList<>());
            target.insertMany(copies);
            // this JVM's driver has not run before: its first calls are compiled, not measured
            update(target, copies, updates / 4);
            double cpuFrom = MachineCpu.busyMs();
            long start = System.nanoTime();
            update(target, copies, updates);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuTo = MachineCpu.busyMs();
            target.drop();
            return new Result(updates, 1, updates / seconds, MachineCpu.msPerOperation(cpuFrom, cpuTo, updates),
                    indexes);
        }
    }

    private static final String BENCH_SEQ = "benchSeq";

    private static void update(MongoCollection<Document> target, List<Document> copies, long updates) {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        for (long n = 0; n < updates; n++) {
            Object id = copies.get((int) (n % copies.size())).get("_id");
            Document updated = target.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.ne(BENCH_SEQ, -1L)),
                    Updates.combine(Updates.inc(BENCH_SEQ, 1L), Updates.set("benchAt", new Date())), after);
            if (updated == null) {
                throw new IllegalStateException("the conditional update of " + id + " did not apply");
            }
        }
    }

    /** Drops {@code target} and gives it the indexes of {@code source}; adds the fields of unique ones to the list. */
    private static int copyIndexes(MongoCollection<Document> source, MongoCollection<Document> target,
            List<String> uniqueFields) {
        target.drop();
        int indexes = 0;
        for (Document index : source.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key.containsKey("_id") && key.size() == 1) {
                continue;
            }
            boolean unique = index.getBoolean("unique", false);
            target.createIndex(key, new IndexOptions().unique(unique));
            indexes++;
            if (unique) {
                uniqueFields.addAll(key.keySet());
            }
        }
        return indexes;
    }
}
