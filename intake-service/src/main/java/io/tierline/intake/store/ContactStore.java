package io.tierline.intake.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static io.tierline.intake.store.ContactDocument.CUSTOMER_ID;
import static io.tierline.intake.store.ContactDocument.ARTICLE_ID;
import static io.tierline.intake.store.ContactDocument.CLOSED_AT;
import static io.tierline.intake.store.ContactDocument.CLOSE_EVENT_ID;
import static io.tierline.intake.store.ContactDocument.ID;
import static io.tierline.intake.store.ContactDocument.MESSAGES;
import static io.tierline.intake.store.ContactDocument.MESSAGE_KEYS;
import static io.tierline.intake.store.ContactDocument.PENDING_EVENTS;
import static io.tierline.intake.store.ContactDocument.PENDING_SINCE;
import static io.tierline.intake.store.ContactDocument.STATUS;
import static io.tierline.intake.store.ContactDocument.SURVEY;
import static io.tierline.intake.store.ContactDocument.THREAD_MESSAGE_IDS;
import static io.tierline.intake.store.ContactDocument.IDEMPOTENCY_KEY;
import static io.tierline.intake.store.ContactDocument.PUBLISHED_AT;
import static io.tierline.intake.store.ContactDocument.PUBLISH_STATE;
import static io.tierline.intake.store.ContactDocument.QUEUE_AT;
import static io.tierline.intake.store.ContactDocument.RECEIVED_AT;

import com.mongodb.client.MongoClient;
import io.tierline.platform.concurrent.Stages;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.tierline.intake.AddedMessage;
import io.tierline.intake.Closure;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.Survey;
import io.tierline.intake.PublishState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contacts intake owns: collection {@code contacts} of database {@code tierline-intake}. The two writes every
 * new contact makes, its insert and its PUBLISHED mark, go through {@link Batcher}s: concurrent requests share
 * one bulk write, each still waiting for its own outcome.
 */
@ApplicationScoped
public class ContactStore {

    static final String COLLECTION = "contacts";
    /** At most this many writes in one bulk write: more than the requests one intake serves at once */
    static final int MAX_BATCH = 256;

    private final MongoCollection<ContactDocument> contacts;
    private final Batcher<ContactDocument, BulkWrites.Outcome> inserts;
    private final Batcher<Mark, BulkWrites.Outcome> marks;

    public ContactStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.contacts = client.getDatabase(database).getCollection(COLLECTION, ContactDocument.class);
        this.inserts = new Batcher<>("contact-inserts", MAX_BATCH,
                docs -> BulkWrites.run(contacts, docs.stream().map(InsertOneModel::new).toList()));
        this.marks = new Batcher<>("published-marks", MAX_BATCH,
                batch -> BulkWrites.run(contacts, batch.stream().map(Mark::update).toList()));
    }

    @PreDestroy
    void close() {
        inserts.close();
        marks.close();
    }

    void createIndexes(@Observes StartupEvent ignored) {
        contacts.createIndex(Indexes.ascending(IDEMPOTENCY_KEY), new IndexOptions().unique(true));
        contacts.createIndex(Indexes.ascending(PUBLISH_STATE, RECEIVED_AT));
        // email threads: a reply is looked up by the customer and a message id of the thread
        contacts.createIndex(Indexes.ascending(CUSTOMER_ID, THREAD_MESSAGE_IDS));
        contacts.createIndex(Indexes.ascending(MESSAGE_KEYS));
        contacts.createIndex(Indexes.ascending(PENDING_SINCE));
        // held contacts: the re-publisher releases those whose hold ended
        contacts.createIndex(Indexes.ascending(STATUS, QUEUE_AT));
    }

    /**
     * Inserts a new contact.
     *
     * @return false when a contact with the same idempotency key exists already (the unique index decided)
     */
    public boolean insertIfAbsent(Contact contact) {
        return Stages.join(insertIfAbsentAsync(contact));
    }

    /**
     * {@link #insertIfAbsent} without waiting: completes, on the store's batch thread, with true once inserted,
     * false when a contact with the same idempotency key exists already.
     */
    public CompletableFuture<Boolean> insertIfAbsentAsync(Contact contact) {
        return inserts.submit(ContactDocumentMapper.toDocument(contact)).thenApply(outcome -> {
            if (outcome.duplicateKey()) {
                return false;
            }
            outcome.requireApplied("insert of contact " + contact.contactId());
            return true;
        });
    }

    public Optional<Contact> findById(String contactId) {
        return first(contacts.find(eq(ID, contactId)).first());
    }

    public Optional<Contact> findByIdempotencyKey(String key) {
        return first(contacts.find(eq(IDEMPOTENCY_KEY, key)).first());
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
        Stages.join(markPublishedAsync(contactId, at));
    }

    /** {@link #markPublished} without waiting: completes on the store's batch thread once the mark is written. */
    public CompletableFuture<Void> markPublishedAsync(String contactId, Instant at) {
        return marks.submit(new Mark(contactId, at))
                .thenAccept(outcome -> outcome.requireApplied("PUBLISHED mark of contact " + contactId));
    }

    /**
     * Closes an open or held contact (status RECEIVED or HELD) as {@code status}, recording its closure and
     * marking the closure's event pending, in one conditional update.
     *
     * @return the closed contact, or empty when it was not open (unknown, or closed already)
     */
    public Optional<Contact> close(String contactId, ContactStatus status, Closure closure) {
        return updated(and(eq(ID, contactId), in(STATUS, ContactStatus.RECEIVED.name(), ContactStatus.HELD.name())),
                Updates.combine(
                Updates.set(STATUS, status.name()),
                Updates.set(CLOSED_AT, closure.closedAt()),
                Updates.set(CLOSE_EVENT_ID, closure.eventId()),
                Updates.set(ARTICLE_ID, closure.articleId()),
                pending(closure.eventId(), closure.closedAt())));
    }

    /**
     * Ends the hold of a held contact: status RECEIVED, its {@code ContactReceived} PENDING (to be published now,
     * or by the re-publisher should intake stop first), in one conditional update.
     *
     * @return the released contact, or empty when it was not held (unknown, released or closed already)
     */
    public Optional<Contact> release(String contactId) {
        return updated(and(eq(ID, contactId), eq(STATUS, ContactStatus.HELD.name())), Updates.combine(
                Updates.set(STATUS, ContactStatus.RECEIVED.name()),
                Updates.set(PUBLISH_STATE, PublishState.PENDING.name())));
    }

    /** Ids of held contacts whose hold ended at or before {@code now}, earliest first. */
    public List<String> findDueHeld(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        contacts.find(and(eq(STATUS, ContactStatus.HELD.name()), lte(QUEUE_AT, now)))
                .sort(ascending(QUEUE_AT))
                .limit(limit)
                .forEach(doc -> due.add(doc.id()));
        return due;
    }

    /**
     * Records the contact's survey if it has none yet, marking its event pending, in one conditional update.
     *
     * @return the contact with the survey, or empty when it is unknown or has a survey already
     */
    public Optional<Contact> submitSurvey(String contactId, Survey survey) {
        return updated(and(eq(ID, contactId), eq(SURVEY, null)), Updates.combine(
                Updates.set(SURVEY, ContactDocumentMapper.survey(survey)),
                pending(survey.eventId(), survey.submittedAt())));
    }

    /**
     * Attaches a message to an open or held contact unless a message with its idempotency key is attached already,
     * marking its event pending, in one conditional update.
     *
     * @return the contact with the message, or empty when it is not open or has that key already
     */
    public Optional<Contact> addMessage(String contactId, AddedMessage message) {
        var update = new ArrayList<Bson>();
        update.add(Updates.push(MESSAGES, ContactDocumentMapper.message(message)));
        update.add(pending(message.eventId(), message.addedAt()));
        if (message.messageRef() != null) {
            update.add(Updates.addToSet(THREAD_MESSAGE_IDS, message.messageRef()));
        }
        return updated(and(eq(ID, contactId), in(STATUS, ContactStatus.RECEIVED.name(), ContactStatus.HELD.name()),
                ne(MESSAGE_KEYS, message.idempotencyKey())), Updates.combine(update));
    }

    /** The contact a message with this idempotency key was attached to. */
    public Optional<Contact> findByMessageKey(String key) {
        return first(contacts.find(eq(MESSAGE_KEYS, key)).first());
    }

    /** The most recent open or held contact of the customer whose email thread holds this message id. */
    public Optional<Contact> findOpenThread(String customerId, String messageId) {
        return first(contacts.find(and(eq(CUSTOMER_ID, customerId), eq(THREAD_MESSAGE_IDS, messageId),
                        in(STATUS, ContactStatus.RECEIVED.name(), ContactStatus.HELD.name())))
                .sort(descending(RECEIVED_AT))
                .limit(1)
                .first());
    }

    /** The broker acknowledged this follow-up event: it is no longer pending. */
    public void markEventPublished(String contactId, String eventId) {
        contacts.updateOne(eq(ID, contactId), Updates.pull(PENDING_EVENTS, new Document("eventId", eventId)));
    }

    /** Contacts with a follow-up event pending since before {@code before}. */
    public List<Contact> findWithPendingEvents(Instant before, int limit) {
        List<Contact> pending = new ArrayList<>();
        contacts.find(lt(PENDING_SINCE, before)).limit(limit)
                .forEach(doc -> pending.add(ContactDocumentMapper.toContact(doc)));
        return pending;
    }

    private static Bson pending(String eventId, Instant since) {
        return Updates.push(PENDING_EVENTS, new PendingEventDocument(eventId, since));
    }

    private Optional<Contact> updated(Bson filter, Bson update) {
        return first(contacts.findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    private static Optional<Contact> first(ContactDocument doc) {
        return Optional.ofNullable(doc).map(ContactDocumentMapper::toContact);
    }

    /** A contact's event was acknowledged at {@code at}. */
    private record Mark(String contactId, Instant at) {

        UpdateOneModel<ContactDocument> update() {
            return new UpdateOneModel<>(eq(ID, contactId), Updates.combine(
                    Updates.set(PUBLISH_STATE, PublishState.PUBLISHED.name()), Updates.set(PUBLISHED_AT, at)));
        }
    }
}
