package io.tierline.platform.deadletter;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The replays of a service's dead letters, one document per dead letter, {@code _id} =
 * {@code <dead-letter topic>/<partition>-<offset>}. The unique {@code _id} is what makes a replay recorded once:
 * two instances, or a retried request, that replay the same dead letter insert the same id, and the second
 * insert finds the first.
 */
public final class ReplayStore {

    /** The collection, in the service's own database. */
    public static final String COLLECTION = "deadLetterReplays";

    private final MongoCollection<Document> replays;

    public ReplayStore(MongoCollection<Document> replays) {
        this.replays = replays;
    }

    public Optional<Replay> find(String qualifiedId) {
        return Optional.ofNullable(replays.find(eq("_id", qualifiedId)).first()).map(ReplayStore::fromDocument);
    }

    /** The recorded replays among these ids, by id. */
    public Map<String, Replay> find(Collection<String> qualifiedIds) {
        Map<String, Replay> found = new HashMap<>();
        if (qualifiedIds.isEmpty()) {
            return found;
        }
        for (Document d : replays.find(in("_id", List.copyOf(qualifiedIds)))) {
            found.put(d.getString("_id"), fromDocument(d));
        }
        return found;
    }

    /**
     * Records a replay. Without {@code force}, the first record stays: if another replay recorded this dead
     * letter first, that record is returned unchanged. With {@code force}, an existing record counts one more
     * replay and remembers the last one.
     */
    public Replay record(String qualifiedId, String deadLetterTopic, Instant at, String topic, int partition,
            long offset, boolean force) {
        Document fresh = new Document("_id", qualifiedId).append("deadLetterTopic", deadLetterTopic)
                .append("replayedAt", Date.from(at)).append("topic", topic).append("partition", partition)
                .append("offset", offset).append("replays", 1);
        try {
            replays.insertOne(fresh);
            return fromDocument(fresh);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        if (!force) {
            return find(qualifiedId).orElseThrow();
        }
        Document updated = replays.findOneAndUpdate(eq("_id", qualifiedId),
                Updates.combine(Updates.inc("replays", 1), Updates.set("lastReplayedAt", Date.from(at)),
                        Updates.set("lastTopic", topic), Updates.set("lastPartition", partition),
                        Updates.set("lastOffset", offset)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return fromDocument(updated);
    }

    private static Replay fromDocument(Document d) {
        Date last = d.getDate("lastReplayedAt");
        Number replays = d.get("replays", Number.class);
        Number partition = d.get("partition", Number.class);
        Number offset = d.get("offset", Number.class);
        return new Replay(d.getDate("replayedAt").toInstant(), d.getString("topic"),
                partition == null ? -1 : partition.intValue(), offset == null ? -1 : offset.longValue(),
                replays == null ? 1 : replays.intValue(), last == null ? null : last.toInstant());
    }
}
