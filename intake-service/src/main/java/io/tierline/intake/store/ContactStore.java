package io.tierline.intake.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static io.tierline.intake.store.ContactDocument.CATEGORY;
import static io.tierline.intake.store.ContactDocument.CUSTOMER_ID;
import static io.tierline.intake.store.ContactDocument.ID;
import static io.tierline.intake.store.ContactDocument.IDEMPOTENCY_KEY;
import static io.tierline.intake.store.ContactDocument.PUBLISHED_AT;
import static io.tierline.intake.store.ContactDocument.PUBLISH_STATE;
import static io.tierline.intake.store.ContactDocument.RECEIVED_AT;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.tierline.intake.Contact;
import io.tierline.intake.PublishState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The contacts intake owns: collection {@code contacts} of database {@code tierline-intake}. */
@ApplicationScoped
public class ContactStore {

    static final String COLLECTION = "contacts";

    private final MongoCollection<ContactDocument> contacts;

    public ContactStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.contacts = client.getDatabase(database).getCollection(COLLECTION, ContactDocument.class);
    }

    void createIndexes(@Observes StartupEvent ignored) {
        contacts.createIndex(Indexes.ascending(IDEMPOTENCY_KEY), new IndexOptions().unique(true));
        contacts.createIndex(Indexes.compoundIndex(Indexes.ascending(CUSTOMER_ID, CATEGORY),
                Indexes.descending(RECEIVED_AT)));
        contacts.createIndex(Indexes.ascending(PUBLISH_STATE, RECEIVED_AT));
    }

    /**
     * Inserts a new contact.
     *
     * @return false when a contact with the same idempotency key exists already (the unique index decided)
     */
    public boolean insertIfAbsent(Contact contact) {
        try {
            contacts.insertOne(ContactDocumentMapper.toDocument(contact));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Contact> findById(String contactId) {
        return first(contacts.find(eq(ID, contactId)).first());
    }

    public Optional<Contact> findByIdempotencyKey(String key) {
        return first(contacts.find(eq(IDEMPOTENCY_KEY, key)).first());
    }

    /** The most recent contact of the customer in the category received in [{@code from}, {@code until}). */
    public Optional<Contact> findLatest(String customerId, String category, Instant from, Instant until) {
        return first(contacts.find(and(eq(CUSTOMER_ID, customerId), eq(CATEGORY, category),
                        gte(RECEIVED_AT, from), lt(RECEIVED_AT, until)))
                .sort(descending(RECEIVED_AT))
                .limit(1)
                .first());
    }

    /** Contacts still PENDING that were received before {@code receivedBefore}, oldest first. */
    public List<Contact> findPending(Instant receivedBefore, int limit) {
        List<Contact> pending = new ArrayList<>();
        contacts.find(and(eq(PUBLISH_STATE, PublishState.PENDING.name()), lt(RECEIVED_AT, receivedBefore)))
                .sort(ascending(RECEIVED_AT))
                .limit(limit)
                .forEach(doc -> pending.add(ContactDocumentMapper.toContact(doc)));
        return pending;
    }

    public void markPublished(String contactId, Instant at) {
        contacts.updateOne(eq(ID, contactId),
                Updates.combine(Updates.set(PUBLISH_STATE, PublishState.PUBLISHED.name()), Updates.set(PUBLISHED_AT, at)));
    }

    private static Optional<Contact> first(ContactDocument doc) {
        return Optional.ofNullable(doc).map(ContactDocumentMapper::toContact);
    }
}
