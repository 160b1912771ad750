package io.tierline.routing.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** The indexes the routing queries use (a no-op on stores that ignore secondary indexes). */
@Singleton
public class StoreIndexes {

    private final MongoDatabase database;

    public StoreIndexes(MongoDatabase database) {
        this.database = database;
    }

    void create(@Observes StartupEvent startup) {
        var contacts = database.getCollection("contacts");
        contacts.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "tier", "channel"),
                Indexes.descending("priorityRank"), Indexes.ascending("queuedAt")));
        contacts.createIndex(Indexes.ascending("queueId", "state", "queuedAt"));
        contacts.createIndex(Indexes.ascending("offer.agentId", "state"));
        contacts.createIndex(Indexes.ascending("wrapUps.until"));
        contacts.createIndex(Indexes.ascending("wrapUps.agentId"));
        contacts.createIndex(Indexes.ascending("state", "offer.expiresAt"));
        contacts.createIndex(Indexes.ascending("lapse.seq"));
        contacts.createIndex(Indexes.ascending("state", "overflowFrom"));
        contacts.createIndex(Indexes.ascending(ContactDocuments.STATE, ContactDocuments.PENDING_SINCE));
        contacts.createIndex(Indexes.ascending("state", "withdrawal.done"));
        database.getCollection("agents").createIndex(Indexes.ascending("status", "tier", "idleSince", "_id"));
        database.getCollection("agents").createIndex(Indexes.ascending("streamSeenAt"));
        database.getCollection("agents").createIndex(Indexes.ascending(AgentDocuments.RESERVATIONS + ".at"));
        database.getCollection("queues").createIndex(Indexes.ascending("tier"));
    }
}
