package io.tierline.intake.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import io.tierline.platform.concurrent.Stages;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The customer profile intake keeps for repeat detection: per customer and category, the latest contact and
 * when it was received (collection {@code customer_history}, one document per customer and category, keyed by
 * both as the string {@code <length of the category>:<category>|<customerId>}, unambiguous whatever the two
 * contain). Read and written by key only, so a
 * lookup costs one indexed read however many contacts there are. A string key, not an embedded document: the
 * file-backed embedded store (the local run's) stops finding document keys once it holds a few hundred, and
 * every later upsert failed on the existing key. Reads and writes go through {@link Batcher}s: the lookups of
 * concurrent requests are one query, their records one bulk write.
 */
@ApplicationScoped
public class CustomerHistoryStore {

    static final String COLLECTION = "customer_history";
    private static final String CUSTOMER = "customer";
    private static final String CATEGORY = "category";
    private static final String CONTACT_ID = "contactId";
    private static final String RECEIVED_AT = "receivedAt";

    private final MongoCollection<Document> history;
    private final Batcher<String, Optional<Document>> lookups;
    private final Batcher<Latest, BulkWrites.Outcome> records;

    public CustomerHistoryStore(MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.history = client.getDatabase(database).getCollection(COLLECTION);
        this.lookups = new Batcher<>("history-lookups", ContactStore.MAX_BATCH, this::find);
        this.records = new Batcher<>("history-records", ContactStore.MAX_BATCH,
                batch -> BulkWrites.run(history, batch.stream().map(Latest::upsert).toList()));
    }

    @PreDestroy
    void close() {
        lookups.close();
        records.close();
    }

    /** The customer's latest contact in the category if it was received in [{@code from}, {@code until}). */
    public Optional<String> latest(String customerId, String category, Instant from, Instant until) {
        return Stages.join(latestAsync(customerId, category, from, until));
    }

    /** {@link #latest} without waiting: completes on the store's batch thread. */
    public CompletableFuture<Optional<String>> latestAsync(String customerId, String category, Instant from,
            Instant until) {
        return lookups.submit(key(customerId, category)).thenApply(found -> {
            Document doc = found.orElse(null);
            if (doc == null || doc.getDate(RECEIVED_AT) == null) {
                return Optional.empty();
            }
            Instant at = doc.getDate(RECEIVED_AT).toInstant();
            return !at.isBefore(from) && at.isBefore(until) ? Optional.ofNullable(doc.getString(CONTACT_ID))
                    : Optional.empty();
        });
    }

    /**
     * Records the contact as the customer's latest in its category. Two contacts of one customer and category
     * arriving in the same instant: the later write wins, either is a correct "latest".
     */
    public void record(String customerId, String category, String contactId, Instant receivedAt) {
        Stages.join(recordAsync(customerId, category, contactId, receivedAt));
    }

    /** {@link #record} without waiting: completes on the store's batch thread once written. */
    public CompletableFuture<Void> recordAsync(String customerId, String category, String contactId,
            Instant receivedAt) {
        return records.submit(new Latest(customerId, category, contactId, receivedAt))
                .thenAccept(outcome -> outcome.requireApplied("history record of contact " + contactId));
    }

    /** The documents of these keys, one query for the whole batch. */
    private List<Optional<Document>> find(List<String> keys) {
        Map<String, Document> found = new HashMap<>();
        history.find(in("_id", new HashSet<>(keys))).forEach(doc -> found.put(doc.getString("_id"), doc));
        return keys.stream().map(key -> Optional.ofNullable(found.get(key))).toList();
    }

    /** The customer's latest contact in the category. */
    private record Latest(String customerId, String category, String contactId, Instant receivedAt) {

        UpdateOneModel<Document> upsert() {
            return new UpdateOneModel<>(eq("_id", key(customerId, category)), Updates.combine(
                    Updates.set(CUSTOMER, customerId), Updates.set(CATEGORY, category),
                    Updates.set(CONTACT_ID, contactId), Updates.set(RECEIVED_AT, Date.from(receivedAt))),
                    new UpdateOptions().upsert(true));
        }
    }

    static String key(String customerId, String category) {
        return category.length() + ":" + category + "|" + customerId;
    }
}
