package io.tierline.escalation.store;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.tierline.escalation.policy.PolicyDocument;
import io.tierline.escalation.policy.TierPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Every version of the tier policy, in {@code policies}: one immutable document per version, {@code _id} the
 * version number (1, 2, ...). The active policy is the highest version; a new version is taken by inserting the
 * next number (a duplicate key means another instance took it: try the next). Nothing is ever updated. Each
 * version records who stored it ({@code author}) and why ({@code changeReason}).
 */
public class PolicyStore {

    static final String POLICIES = "policies";
    private static final int STORE_ATTEMPTS = 10;

    /** A stored version: its number, when it was stored, who stored it and why, and the policy. */
    public record StoredPolicy(int number, Instant activatedAt, String author, String changeReason,
            TierPolicy policy) {
    }

    /** A stored version without its rules: for the history of changes. */
    public record VersionSummary(int number, Instant activatedAt, String author, String changeReason,
            String description, int rules) {
    }

    /** Who made a change and why (the reason may be null). */
    public record Change(String author, String reason) {
    }

    private final MongoCollection<Document> policies;
    private final ObjectMapper mapper;
    private final Map<Integer, StoredPolicy> parsed = new ConcurrentHashMap<>();

    public PolicyStore(MongoClient client, String database, ObjectMapper mapper) {
        this.policies = client.getDatabase(database).getCollection(POLICIES);
        this.mapper = mapper;
    }

    /** Stores the shipped policy as version 1 unless some version exists already. */
    public void seed(TierPolicy shipped, Change change, Instant now) {
        if (policies.find().limit(1).first() != null) {
            return;
        }
        insert(1, shipped, change, now);
    }

    /** The highest version, if any is stored. */
    public Optional<StoredPolicy> active() {
        return Optional.ofNullable(policies.find().sort(Sorts.descending("_id")).limit(1).first()).map(this::toStored);
    }

    public Optional<StoredPolicy> version(int number) {
        return Optional.ofNullable(policies.find(eq("_id", number)).first()).map(this::toStored);
    }

    /** The stored versions, newest first, at most {@code limit}. */
    public List<VersionSummary> versions(int limit) {
        return policies.find().sort(Sorts.descending("_id")).limit(limit).map(d -> {
            Document document = d.get("document", Document.class);
            List<?> rules = document.getList("rules", Object.class);
            return new VersionSummary(((Number) d.get("_id")).intValue(), d.getDate("createdAt").toInstant(),
                    d.getString("author"), d.getString("changeReason"), document.getString("description"),
                    rules == null ? 0 : rules.size());
        }).into(new ArrayList<>());
    }

    /** Stores an already validated policy as the next version, which makes it the active one. */
    public StoredPolicy store(TierPolicy policy, Change change, Instant now) {
        for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
            int next = active().map(StoredPolicy::number).orElse(0) + 1;
            if (insert(next, policy, change, now)) {
                return version(next).orElseThrow();
            }
        }
        throw new IllegalStateException("could not take a policy version number");
    }

    private boolean insert(int number, TierPolicy policy, Change change, Instant now) {
        try {
            String json = mapper.writeValueAsString(PolicyDocument.write(policy, mapper));
            policies.insertOne(new Document("_id", number).append("createdAt", Date.from(now))
                    .append("author", change.author()).append("changeReason", change.reason())
                    .append("document", Document.parse(json)));
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (MongoException e) {
            if (DuplicateKey.is(e)) {
                return false;
            }
            throw e;
        }
    }

    private StoredPolicy toStored(Document d) {
        int number = ((Number) d.get("_id")).intValue();
        return parsed.computeIfAbsent(number, n -> {
            try {
                JsonNode document = mapper.readTree(d.get("document", Document.class).toJson());
                return new StoredPolicy(n, d.getDate("createdAt").toInstant(), d.getString("author"),
                        d.getString("changeReason"), PolicyDocument.read(document, String.valueOf(n)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored policy version " + n + " is not JSON", e);
            }
        });
    }
}
