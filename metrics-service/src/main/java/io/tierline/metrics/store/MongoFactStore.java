package io.tierline.metrics.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.tierline.metrics.FactStore;
import io.tierline.metrics.HandlingFact;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.ResolutionFact;
import io.tierline.platform.messaging.TransientRetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The facts in this service's own database: collection {@code resolutions} (one document per
 * ContactResolved) and {@code handlings} (one per WrapUpEnded), each keyed by the event's id, so that an
 * insert of a redelivered event fails with a duplicate key (11000) and counts nothing.
 */
@ApplicationScoped
public class MongoFactStore implements FactStore {

    private static final Logger LOG = Logger.getLogger(MongoFactStore.class);

    private final MongoCollection<Document> resolutions;
    private final MongoCollection<Document> handlings;
    private final TransientRetry retry = new TransientRetry(Duration.ofMillis(100), Duration.ofSeconds(5));

    public MongoFactStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        var db = client.getDatabase(database);
        this.resolutions = db.getCollection("resolutions");
        this.handlings = db.getCollection("handlings");
    }

    @PostConstruct
    void createIndexes() {
        try {
            resolutions.createIndex(Indexes.ascending(FactDocuments.OCCURRED_AT));
            handlings.createIndex(Indexes.ascending(FactDocuments.OCCURRED_AT));
        } catch (RuntimeException e) {
            // Queries work without them; a later start creates them.
            LOG.warnf("cannot create the occurredAt indexes now: %s", e.getMessage());
        }
    }

    @Override
    public boolean add(ResolutionFact fact) {
        return insertOnce(resolutions, FactDocuments.resolution(fact));
    }

    @Override
    public boolean add(HandlingFact fact) {
        return insertOnce(handlings, FactDocuments.handling(fact));
    }

    @Override
    public long countResolved(KpiFilter filter, Instant from, Instant to) {
        return resolutions.countDocuments(FactDocuments.matching(filter, from, to));
    }

    @Override
    public long countFirstContactResolved(KpiFilter filter, Instant from, Instant to) {
        return resolutions.countDocuments(Filters.and(FactDocuments.matching(filter, from, to),
                Filters.eq(FactDocuments.FIRST_CONTACT, true)));
    }

    @Override
    public long[] handleMillis(KpiFilter filter, Instant from, Instant to) {
        var found = handlings.find(FactDocuments.matching(filter, from, to))
                .projection(Projections.include(FactDocuments.HANDLE_MILLIS));
        return StreamSupport.stream(found.spliterator(), false)
                .mapToLong(d -> d.get(FactDocuments.HANDLE_MILLIS, Number.class).longValue())
                .toArray();
    }

    private boolean insertOnce(MongoCollection<Document> collection, Document document) {
        return retry.call("insert into " + collection.getNamespace().getCollectionName(), () -> {
            try {
                collection.insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        });
    }
}
