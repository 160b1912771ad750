package io.tierline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The store's own cost of the one write every accepted contact needs: copies of the contact documents intake
 * stored in the run (each under a new id and new values for its unique fields) inserted through the MongoDB
 * driver into a fresh collection with the indexes of intake's, in unordered batches as intake's store batcher
 * sends them, from one thread. Busy CPU of the whole machine per document: the driver's side and the store's.
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
            target.drop();
            List<String> uniqueFields = new ArrayList<>();
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
            InsertManyOptions unordered = new InsertManyOptions().ordered(false);
            double cpuFrom = MachineCpu.busyMs();
            long start = System.nanoTime();
            long n = 0;
            while (n < documents) {
                List<Document> docs = new ArrayList<>(batch);
                for (int i = 0; i < batch && n < documents; i++, n++) {
                    Document copy = new Document(templates.get((int) (n % templates.size())));
                    String id = "B-" + n;
                    copy.put("_id", id);
                    for (String field : uniqueFields) {
                        copy.put(field, id);
                    }
                    docs.add(copy);
                }
                target.insertMany(docs, unordered);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuTo = MachineCpu.busyMs();
            target.drop();
            return new Result(n, batch, n / seconds, MachineCpu.msPerOperation(cpuFrom, cpuTo, n), indexes);
        }
    }
}
