package io.tierline.routing.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.tierline.routing.RoutingQueue;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** The queues. Few and small: read whole, ordered by id. */
@Singleton
public class QueueStore {

    private final MongoCollection<Document> queues;

    public QueueStore(MongoDatabase database) {
        this.queues = database.getCollection("queues");
    }

    public void put(RoutingQueue queue) {
        queues.replaceOne(Filters.eq(QueueDocuments.ID, queue.id()), QueueDocuments.toDocument(queue),
                new ReplaceOptions().upsert(true));
    }

    public Optional<RoutingQueue> find(String id) {
        return Optional.ofNullable(queues.find(Filters.eq(QueueDocuments.ID, id)).first())
                .map(QueueDocuments::fromDocument);
    }

    public List<RoutingQueue> all() {
        return Docs.list(queues.find().sort(Sorts.ascending(QueueDocuments.ID)).map(QueueDocuments::fromDocument));
    }

    public List<RoutingQueue> ofTier(int tier) {
        return Docs.list(queues.find(Filters.eq(QueueDocuments.TIER, tier))
                .sort(Sorts.ascending(QueueDocuments.ID)).map(QueueDocuments::fromDocument));
    }
}
