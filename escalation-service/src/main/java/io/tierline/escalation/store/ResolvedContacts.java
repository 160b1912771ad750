package io.tierline.escalation.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.tierline.escalation.config.EscalationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The contacts escalation has seen resolved (collection {@code resolved_contacts}, one document per contact id,
 * kept for the repeat window by a TTL index). {@code contacts.received} and {@code contacts.resolved} are consumed
 * independently, so a repeat contact handled quickly at tier 1 can be seen resolved before it is seen arriving;
 * its arrival must then not reopen the case it repeats.
 */
@ApplicationScoped
public class ResolvedContacts {

    static final String COLLECTION = "resolved_contacts";
    private static final Logger LOG = Logger.getLogger(ResolvedContacts.class);
    private static final String RESOLVED_AT = "resolvedAt";

    private final MongoCollection<Document> resolved;
    private final long keepSeconds;

    public ResolvedContacts(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            EscalationConfig config) {
        this.resolved = client.getDatabase(database).getCollection(COLLECTION);
        this.keepSeconds = config.repeatWindow().toSeconds();
    }

    void createIndexes(@Observes StartupEvent event) {
        try {
            resolved.createIndex(Indexes.ascending(RESOLVED_AT),
                    new IndexOptions().expireAfter(keepSeconds, TimeUnit.SECONDS));
        } catch (MongoException e) {
            LOG.warnf("the store cannot expire %s (%s): it keeps one small document per resolved contact",
                    COLLECTION, e.getMessage());
        }
    }

    /** Records that the contact was resolved (idempotent; the first time stays). */
    public void record(String contactId, Instant at) {
        resolved.updateOne(eq("_id", contactId), Updates.setOnInsert(RESOLVED_AT, Date.from(at)),
                new UpdateOptions().upsert(true));
    }

    /** Whether the contact was resolved already. */
    public boolean contains(String contactId) {
        return resolved.find(eq("_id", contactId)).first() != null;
    }
}
