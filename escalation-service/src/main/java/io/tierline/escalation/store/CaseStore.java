package io.tierline.escalation.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static io.tierline.escalation.store.Bson2.date;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.tierline.escalation.Case;
import io.tierline.escalation.CaseFilter;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.EngineeringHandoff;
import io.tierline.escalation.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cases of {@code tierline-escalation}. Every change is one single-document conditional update that
 * appends a history entry only if no entry with its {@code eventId} is there yet ({@code $push} guarded by
 * {@code history.eventId $ne}); history is never rewritten. No transactions. A contact belongs to one case, ever:
 * the unique index on {@code contactIds} (multikey: no two cases share a contact) makes the loser of two handlers
 * placing one contact in two cases at once fail with a duplicate key, and look again.
 */
@ApplicationScoped
public class CaseStore {

    static final String CASES = "cases";
    /** Where the pick-up SLA timer of the current cycle stands: WAITING, BREACHED (raised), PUBLISHED. */
    static final String SLA_STATE = "slaState";
    static final String SLA_WAITING = "WAITING";
    static final String SLA_BREACHED = "BREACHED";
    static final String SLA_PUBLISHED = "PUBLISHED";
    private static final String HANDOFF_STATE = "engineering.state";
    private static final String EVENT_ID = "history.eventId";
    private static final String CONTACT_IDS = "contactIds";
    private static final String ONE_CASE_PER_CONTACT = "one_case_per_contact";

    private final MongoCollection<Document> cases;

    public CaseStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.cases = client.getDatabase(database).getCollection(CASES);
    }

    void createIndexes(@Observes StartupEvent event) {
        cases.createIndex(Indexes.ascending("caseNumber"), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending(CaseDocuments.OPEN_KEY), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending(EVENT_ID));
        createOneCasePerContactIndex();
        cases.createIndex(Indexes.ascending("customer.id", "openedAt"));
        cases.createIndex(Indexes.ascending("status", "pickupDueAt"));
        cases.createIndex(Indexes.ascending(HANDOFF_STATE, "engineering.nextAttemptAt"));
        cases.createIndex(Indexes.ascending("customer.id", "category", "status"));
    }

    /**
     * The unique index on {@code contactIds}; it also serves every lookup by contact (with or without a status, so
     * no second index on the field). A store written before it existed may hold a contact in two cases; the
     * index cannot be built then, and the service does not start without it: the message names the contacts and
     * their cases, to merge (or remove the stray one) first.
     */
    private void createOneCasePerContactIndex() {
        try {
            cases.createIndex(Indexes.ascending(CONTACT_IDS),
                    new IndexOptions().unique(true).name(ONE_CASE_PER_CONTACT));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            List<Document> doubled = cases.aggregate(List.of(
                    Aggregates.unwind("$" + CONTACT_IDS),
                    Aggregates.group("$" + CONTACT_IDS, Accumulators.addToSet("cases", "$_id")),
                    Aggregates.match(Filters.exists("cases.1")),
                    Aggregates.limit(20))).into(new ArrayList<>());
            throw new IllegalStateException("cases: a contact belongs to one case, but the store holds contacts in"
                    + " several (contact and its cases, at most 20 shown): " + doubled.stream()
                            .map(d -> d.get("_id") + " " + d.get("cases")).toList()
                    + "; merge each contact's cases into one (or remove the stray one), then start again", e);
        }
    }

    /** By opaque id or by readable number. */
    public Optional<Case> find(String caseIdOrNumber) {
        return first(or(eq("_id", caseIdOrNumber), eq("caseNumber", caseIdOrNumber)));
    }

    /** The case an event was already applied to, if any. */
    public Optional<Case> withEntry(String eventId) {
        return first(eq(EVENT_ID, eventId));
    }

    /** The case the contact belongs to, open or closed, if any (there is at most one). */
    public Optional<Case> withContact(String contactId) {
        return first(eq(CONTACT_IDS, contactId));
    }

    /** The open case with this id if given and open, else the open case the contact belongs to. */
    public Optional<Case> findOpen(String caseId, String contactId) {
        return findOpen(caseId).or(() -> first(and(eq(CONTACT_IDS, contactId), eq("status", CaseStatus.OPEN.name()))));
    }

    /** The case with this id if given and open. */
    public Optional<Case> findOpen(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return Optional.empty();
        }
        return first(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name())));
    }

    /**
     * Inserts a new case; false if its id, number or opening contact's open case exists already, or one of its
     * contacts is in another case by now.
     */
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

    /**
     * Appends an escalation to an open case and moves the case to its new tier and queue. False if the case is no
     * longer open, the escalation is there already, or its contact is in another case by now.
     */
    public boolean appendEscalation(String caseId, HistoryEntry.Escalated entry, int escalations) {
        return appendEscalation(caseId, entry, escalations, null);
    }

    /** The same, also requesting a hand-off to engineering when {@code handoff} is given. */
    public boolean appendEscalation(String caseId, HistoryEntry.Escalated entry, int escalations,
            EngineeringHandoff handoff) {
        return applyUnlessDuplicate(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()),
                ne(EVENT_ID, entry.eventId())), escalation(entry, escalations, handoff, List.of()));
    }

    /**
     * Appends an escalation to the contact's closed case and reopens it: a contact that joined the case as a repeat
     * and was escalated after another contact's resolve closed it, or a contact escalated again after its own
     * resolve. False if the case is no longer closed or the escalation is there already.
     */
    public boolean reopenWithEscalation(Case closed, HistoryEntry.Escalated entry, int escalations,
            EngineeringHandoff handoff) {
        return applyUnlessDuplicate(and(eq("_id", closed.caseId()), eq("status", CaseStatus.RESOLVED.name()),
                ne(EVENT_ID, entry.eventId())), escalation(entry, escalations, handoff, List.of(
                        Updates.set("status", CaseStatus.OPEN.name()),
                        Updates.set(CaseDocuments.OPEN_KEY, CaseDocuments.openKey(closed.contactId())),
                        Updates.unset("closedAt"))));
    }

    private static Bson escalation(HistoryEntry.Escalated entry, int escalations, EngineeringHandoff handoff,
            List<Bson> more) {
        var updates = new ArrayList<Bson>(more);
        if (handoff != null) {
            updates.add(Updates.set("engineering", CaseDocuments.engineering(handoff)));
        }
        if (entry.loopDetected()) {
            updates.add(Updates.set("loopDetected", true));
        }
        updates.add(entry.expectedResponseBy() == null ? Updates.unset(SLA_STATE) : Updates.set(SLA_STATE, SLA_WAITING));
        return Updates.combine(
                Updates.combine(updates),
                Updates.push("history", HistoryDocuments.toDocument(entry)),
                Updates.addToSet(CONTACT_IDS, entry.contactId()),
                Updates.set("tier", entry.toTier()),
                Updates.set("queueId", entry.queueId()),
                Updates.set("priority", entry.priority().name()),
                Updates.set("escalations", escalations),
                Updates.set("updatedAt", date(entry.recordedAt())),
                Updates.set("pickupDueAt", date(entry.expectedResponseBy())),
                Updates.set("lastEscalatedAt", date(entry.at())));
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

    /** Closes an open case with the resolve entry, unless a hand-off to engineering awaits its answer. */
    public boolean close(String caseId, HistoryEntry.Resolved entry) {
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()), ne(EVENT_ID, entry.eventId()),
                        or(eq(HANDOFF_STATE, null), eq(HANDOFF_STATE, EngineeringHandoff.State.ANSWERED.name()))),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.set("status", CaseStatus.RESOLVED.name()),
                        Updates.set(CaseDocuments.OPEN_KEY, CaseDocuments.closedKey(caseId)),
                        Updates.set("closedAt", date(entry.recordedAt())),
                        Updates.set("updatedAt", date(entry.recordedAt())),
                        Updates.unset("pickupDueAt")));
    }

    /** Open cases whose pick-up is due by {@code now} and whose breach is not yet fully handled, oldest due first. */
    public List<Case> overdue(Instant now, int limit) {
        return cases.find(and(eq("status", CaseStatus.OPEN.name()), lte("pickupDueAt", date(now)),
                        ne(SLA_STATE, SLA_PUBLISHED)))
                .sort(Sorts.ascending("pickupDueAt"))
                .limit(limit)
                .map(CaseDocuments::toCase)
                .into(new ArrayList<>());
    }

    /**
     * Raises the breach of the case's current pick-up cycle: only while the case is open, still due at
     * {@code entry.pickupDueAt()} (not picked up, not escalated again) and not raised before.
     */
    public boolean raiseSlaBreach(String caseId, HistoryEntry.SlaBreached entry) {
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()),
                        eq("pickupDueAt", date(entry.pickupDueAt())), nin(SLA_STATE, SLA_BREACHED, SLA_PUBLISHED),
                        ne(EVENT_ID, entry.eventId())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.set("priority", entry.priority().name()),
                        Updates.set(SLA_STATE, SLA_BREACHED),
                        Updates.set("slaBreachedDueAt", date(entry.pickupDueAt())),
                        Updates.set("updatedAt", date(entry.recordedAt()))));
    }

    /** Records that the breach of this pick-up cycle was published; the sweep leaves the case alone after. */
    public void markSlaBreachPublished(String caseId, Instant pickupDueAt) {
        cases.updateOne(and(eq("_id", caseId), eq("pickupDueAt", date(pickupDueAt)), eq(SLA_STATE, SLA_BREACHED)),
                Updates.set(SLA_STATE, SLA_PUBLISHED));
    }

    /**
     * The case of the contact a new contact repeats (intake's {@code repeatOf}): the open one containing it, else
     * the one containing it closed most recently at or after {@code closedSince}.
     */
    public Optional<Case> findForRepeatOf(String repeatOf, Instant closedSince) {
        return newestOpenElseClosedSince(eq("contactIds", repeatOf), closedSince);
    }

    /**
     * The case a repeat contact of the customer and category belongs to: the newest open one, else the one
     * closed most recently at or after {@code closedSince}.
     */
    public Optional<Case> findForRepeat(String customerId, String category, Instant closedSince) {
        return newestOpenElseClosedSince(and(eq("customer.id", customerId), eq("category", category)), closedSince);
    }

    private Optional<Case> newestOpenElseClosedSince(Bson which, Instant closedSince) {
        Optional<Case> open = Optional.ofNullable(cases.find(and(which, eq("status", CaseStatus.OPEN.name())))
                .sort(Sorts.descending("openedAt")).limit(1).first()).map(CaseDocuments::toCase);
        if (open.isPresent()) {
            return open;
        }
        return Optional.ofNullable(cases.find(and(which, eq("status", CaseStatus.RESOLVED.name()),
                        gte("closedAt", date(closedSince))))
                .sort(Sorts.descending("closedAt")).limit(1).first()).map(CaseDocuments::toCase);
    }

    /**
     * Attaches a repeat contact to the case while it is still in the state it was read in (open, or closed: then
     * reopening it if the entry says so). False if the case changed state meanwhile, the contact was attached
     * already, or the contact is in another case by now (its escalation, consumed meanwhile, placed it).
     */
    public boolean attachRepeat(Case c, HistoryEntry.RepeatContact entry) {
        CaseStatus expected = c.isOpen() ? CaseStatus.OPEN : CaseStatus.RESOLVED;
        var updates = new ArrayList<Bson>(List.of(
                Updates.push("history", HistoryDocuments.toDocument(entry)),
                Updates.addToSet("contactIds", entry.contactId()),
                Updates.set("updatedAt", date(entry.recordedAt()))));
        if (entry.reopened()) {
            updates.add(Updates.set("status", CaseStatus.OPEN.name()));
            updates.add(Updates.set(CaseDocuments.OPEN_KEY, CaseDocuments.openKey(c.contactId())));
            updates.add(Updates.unset("closedAt"));
        }
        return applyUnlessDuplicate(and(eq("_id", c.caseId()), eq("status", expected.name()),
                ne(EVENT_ID, entry.eventId())), Updates.combine(updates));
    }

    /** Cases whose engineering hand-off is due for a delivery attempt. */
    public List<Case> dueHandoffs(Instant now, int limit) {
        return cases.find(and(eq(HANDOFF_STATE, EngineeringHandoff.State.PENDING.name()),
                        lte("engineering.nextAttemptAt", date(now))))
                .sort(Sorts.ascending("engineering.nextAttemptAt"))
                .limit(limit)
                .map(CaseDocuments::toCase)
                .into(new ArrayList<>());
    }

    /**
     * Claims the next delivery attempt of a pending hand-off: only the instance whose update moves
     * {@code attempts} on from what it read may attempt it. The next attempt is scheduled at once, so a crash
     * during the attempt only delays it.
     */
    public boolean claimHandoffAttempt(String caseId, EngineeringHandoff read, Instant nextAttemptAt) {
        return apply(and(eq("_id", caseId), eq("engineering.handoffId", read.handoffId()),
                        eq(HANDOFF_STATE, EngineeringHandoff.State.PENDING.name()),
                        eq("engineering.attempts", read.attempts())),
                Updates.combine(Updates.set("engineering.attempts", read.attempts() + 1),
                        Updates.set("engineering.nextAttemptAt", date(nextAttemptAt))));
    }

    /** Ends a pending hand-off: {@code DELIVERED} or {@code FAILED}, with its history entry. */
    public boolean finishHandoff(String caseId, String handoffId, EngineeringHandoff.State state,
            HistoryEntry.Engineering entry) {
        return apply(and(eq("_id", caseId), eq("engineering.handoffId", handoffId),
                        eq(HANDOFF_STATE, EngineeringHandoff.State.PENDING.name()), ne(EVENT_ID, entry.eventId())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
                        Updates.set(HANDOFF_STATE, state.name()),
                        Updates.unset("engineering.nextAttemptAt"),
                        Updates.set("updatedAt", date(entry.recordedAt()))));
    }

    /** Records engineering's answer on a case whose hand-off awaits one. */
    public boolean answerHandoff(String caseId, String handoffId, HistoryEntry.Engineering entry, boolean close) {
        var updates = new ArrayList<Bson>(List.of(
                Updates.push("history", HistoryDocuments.toDocument(entry)),
                Updates.set(HANDOFF_STATE, EngineeringHandoff.State.ANSWERED.name()),
                Updates.unset("engineering.nextAttemptAt"),
                Updates.set("updatedAt", date(entry.recordedAt()))));
        if (close) {
            updates.add(Updates.set("status", CaseStatus.RESOLVED.name()));
            updates.add(Updates.set(CaseDocuments.OPEN_KEY, CaseDocuments.closedKey(caseId)));
            updates.add(Updates.set("closedAt", date(entry.recordedAt())));
            updates.add(Updates.unset("pickupDueAt"));
        }
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()),
                        eq("engineering.handoffId", handoffId),
                        ne(HANDOFF_STATE, EngineeringHandoff.State.ANSWERED.name()), ne(EVENT_ID, entry.eventId())),
                Updates.combine(updates));
    }

    /**
     * Records a resolve on an open case whose hand-off to engineering awaits its answer: the case stays open
     * (the answer closes it).
     */
    public boolean recordResolveAwaitingEngineering(String caseId, HistoryEntry.Resolved entry) {
        return apply(and(eq("_id", caseId), eq("status", CaseStatus.OPEN.name()), ne(EVENT_ID, entry.eventId()),
                        nin(HANDOFF_STATE, null, EngineeringHandoff.State.ANSWERED.name())),
                Updates.combine(
                        Updates.push("history", HistoryDocuments.toDocument(entry)),
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

    /** The same; false also when the update would break a unique index (a contact in two cases). */
    private boolean applyUnlessDuplicate(Bson filter, Bson update) {
        try {
            return apply(filter, update);
        } catch (MongoException e) {
            if (DuplicateKey.is(e)) {
                return false;
            }
            throw e;
        }
    }

    private Optional<Case> first(Bson filter) {
        return Optional.ofNullable(cases.find(filter).first()).map(CaseDocuments::toCase);
    }
}
