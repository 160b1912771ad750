package io.tierline.escalation.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static io.tierline.escalation.store.Bson2.date;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.tierline.escalation.Case;
import io.tierline.escalation.CaseFilter;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cases of {@code tierline-escalation}. Every change is one single-document conditional update that
 * appends a history entry only if no entry with its {@code eventId} is there yet ({@code $push} guarded by
 * {@code history.eventId $ne}); history is never rewritten. No transactions.
 */
@ApplicationScoped
public class CaseStore {

    static final String CASES = "cases";
    private static final String EVENT_ID = "history.eventId";

    private final MongoCollection<Document> cases;

    CaseStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.cases = client.getDatabase(database).getCollection(CASES);
    }

    void createIndexes(@Observes StartupEvent event) {
        cases.createIndex(Indexes.ascending("caseNumber"), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending(CaseDocuments.OPEN_KEY), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending(EVENT_ID));
        cases.createIndex(Indexes.ascending("contactIds", "status"));
        cases.createIndex(Indexes.ascending("customer.id", "openedAt"));
    }

    /** By opaque id or by readable number. */
    public Optional<Case> find(String caseIdOrNumber) {
        return first(or(eq("_id", caseIdOrNumber), eq("caseNumber", caseIdOrNumber)));
    }

    /** The case an event was already applied to, if any. */
    public Optional<Case> withEntry(String eventId) {
        return first(eq(EVENT_ID, eventId));
    }

    /** The open case with this id if given and open, else the open case the contact belongs to. */
    public Optional<Case> findOpen(String caseId, String contactId) {
        if (caseId != null && !caseId.isBlank()) {
            Optional<Case> byId = first(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name())));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return first(and(eq("contactIds", contactId), eq("status", CaseStatus.OPEN.name())));
    }

    /** Inserts a new case; false if its id, number or opening contact's open case exists already. */
    public boolean insert(Case fresh) {
        try {
            cases.insertOne(CaseDocuments.toDocument(fresh));
            return true;
        } catch (MongoException e) {
            if (DuplicateKey.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Appends an escalation to an open case and moves the case to its new tier and queue. */
    public boolean appendEscalation(String caseId, HistoryEntry.Escalated entry, int escalations) {
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()), ne(EVENT_ID, entry.eventId())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.addToSet("contactIds", entry.contactId()),
                        Updates.set("tier", entry.toTier()),
                        Updates.set("queueId", entry.queueId()),
                        Updates.set("priority", entry.priority().name()),
                        Updates.set("escalations", escalations),
                        Updates.set("updatedAt", date(entry.recordedAt())),
                        Updates.set("pickupDueAt", date(entry.expectedResponseBy())),
                        Updates.set("lastEscalatedAt", date(entry.at()))));
    }

    /** Records that an agent of the case's current tier picked the contact up. */
    public boolean appendAssignment(String caseId, HistoryEntry.Assigned entry) {
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()), eq("tier", entry.tier()),
                        ne(EVENT_ID, entry.eventId())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.set("updatedAt", date(entry.recordedAt())),
                        Updates.unset("pickupDueAt")));
    }

    /** Closes an open case with the resolve entry. */
    public boolean close(String caseId, HistoryEntry.Resolved entry) {
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()), ne(EVENT_ID, entry.eventId())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.set("status", CaseStatus.RESOLVED.name()),
                        Updates.set(CaseDocuments.OPEN_KEY, CaseDocuments.closedKey(caseId)),
                        Updates.set("closedAt", date(entry.recordedAt())),
                        Updates.set("updatedAt", date(entry.recordedAt())),
                        Updates.unset("pickupDueAt")));
    }

    /** Appends a note to a case, open or closed. */
    public boolean appendNote(String caseId, HistoryEntry.Note entry) {
        return apply(and(eq("_id", caseId), ne(EVENT_ID, entry.eventId())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.set("updatedAt", date(entry.at()))));
    }

    /** Cases matching the filter, newest first, without their history. */
    public List<Case> list(CaseFilter filter) {
        var conditions = new ArrayList<Bson>();
        if (filter.status() != null) {
            conditions.add(eq("status", filter.status().name()));
        }
        if (filter.tier() != null) {
            conditions.add(eq("tier", filter.tier()));
        }
        if (filter.customerId() != null) {
            conditions.add(eq("customer.id", filter.customerId()));
        }
        Bson query = conditions.isEmpty() ? new Document() : and(conditions);
        return cases.find(query)
                .projection(Projections.exclude("history"))
                .sort(Sorts.orderBy(Sorts.descending("openedAt"), Sorts.descending("caseNumber")))
                .limit(filter.limit())
                .map(CaseDocuments::toCase)
                .into(new ArrayList<>());
    }

    private boolean apply(Bson filter, Bson update) {
        return cases.updateOne(filter, update).getModifiedCount() == 1;
    }

    private Optional<Case> first(Bson filter) {
        return Optional.ofNullable(cases.find(filter).first()).map(CaseDocuments::toCase);
    }
}
