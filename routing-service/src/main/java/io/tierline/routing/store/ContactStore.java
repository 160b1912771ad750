package io.tierline.routing.store;

import static io.tierline.routing.store.ContactDocuments.ACCEPTED_AT;
import static io.tierline.routing.store.ContactDocuments.APPLIED;
import static io.tierline.routing.store.ContactDocuments.ARRIVAL_EVENT_ID;
import static io.tierline.routing.store.ContactDocuments.CASE_ID;
import static io.tierline.routing.store.ContactDocuments.CHANNEL;
import static io.tierline.routing.store.ContactDocuments.DECLINES;
import static io.tierline.routing.store.ContactDocuments.ESCALATIONS;
import static io.tierline.routing.store.ContactDocuments.EXCLUDED;
import static io.tierline.routing.store.ContactDocuments.ID;
import static io.tierline.routing.store.ContactDocuments.LANGUAGE_KEY;
import static io.tierline.routing.store.ContactDocuments.OFFER;
import static io.tierline.routing.store.ContactDocuments.OFFER_AGENT;
import static io.tierline.routing.store.ContactDocuments.OFFER_ANNOUNCED;
import static io.tierline.routing.store.ContactDocuments.OFFER_SEQ;
import static io.tierline.routing.store.ContactDocuments.OFFER_SEQ_FIELD;
import static io.tierline.routing.store.ContactDocuments.OUTCOME;
import static io.tierline.routing.store.ContactDocuments.PRIORITY;
import static io.tierline.routing.store.ContactDocuments.PRIORITY_RANK;
import static io.tierline.routing.store.ContactDocuments.QUEUED_AT;
import static io.tierline.routing.store.ContactDocuments.QUEUE_ID;
import static io.tierline.routing.store.ContactDocuments.REASON;
import static io.tierline.routing.store.ContactDocuments.STATE;
import static io.tierline.routing.store.ContactDocuments.TIER;
import static io.tierline.routing.store.ContactDocuments.WRAP_UPS;
import static io.tierline.routing.store.ContactDocuments.WRAP_UP_AGENT;
import static io.tierline.routing.store.ContactDocuments.WRAP_UP_SEQ;
import static io.tierline.routing.store.ContactDocuments.WRAP_UP_UNTIL;
import static io.tierline.routing.store.ContactDocuments.LAPSE;
import static io.tierline.routing.store.ContactDocuments.LAST_TRANSFER;
import static io.tierline.routing.store.ContactDocuments.OFFER_EXPIRES_AT;
import static io.tierline.routing.store.ContactDocuments.OFFER_HELD_AT;
import static io.tierline.routing.store.ContactDocuments.OFFER_HOLD_MILLIS;
import static io.tierline.routing.store.ContactDocuments.OFFER_HOLD_SEQ;
import static io.tierline.routing.store.ContactDocuments.OFFER_LAST_HOLD_MILLIS;
import static io.tierline.routing.store.ContactDocuments.OFFER_LAST_RESUMED_AT;
import static io.tierline.routing.store.ContactDocuments.TRANSFERS;
import static io.tierline.routing.store.ContactDocuments.WITHDRAWAL;
import static io.tierline.routing.store.ContactDocuments.OVERFLOW_FROM;
import static io.tierline.routing.store.ContactDocuments.WITHDRAWAL_DONE;
import static io.tierline.routing.store.ContactDocuments.PENDING;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.routing.Agent;
import io.tierline.routing.Contact;
import io.tierline.routing.ContactState;
import io.tierline.routing.Decline;
import io.tierline.routing.Languages;
import io.tierline.routing.Offer;
import io.tierline.routing.PendingCause;
import io.tierline.routing.OfferLapse;
import io.tierline.routing.Transfer;
import io.tierline.routing.Withdrawal;
import io.tierline.routing.Outcome;
import io.tierline.routing.Placement;
import io.tierline.routing.RoutingQueue;
import io.tierline.routing.WrapUp;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The contacts. Every state change is one conditional update on one document: it applies only from the state
 * it expects, so a repeat or a race changes nothing.
 */
@Singleton
public class ContactStore {

    private final MongoCollection<Document> contacts;

    public ContactStore(MongoDatabase database) {
        this.contacts = database.getCollection("contacts");
    }

    public Optional<Contact> find(String id) {
        return Optional.ofNullable(contacts.find(Filters.eq(ID, id)).first()).map(ContactDocuments::fromDocument);
    }

    /** The contacts of these ids that exist, in one query. */
    public List<Contact> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : Docs.list(contacts.find(Filters.in(ID, ids)).map(ContactDocuments::fromDocument));
    }

    /** Inserts a new contact; false if one with its id exists already. */
    public boolean insert(Contact contact) {
        try {
            contacts.insertOne(ContactDocuments.toDocument(contact));
            return true;
        } catch (MongoWriteException e) {
            if (Docs.duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Records an incoming event as applied; false if it was already. */
    public boolean markApplied(String id, String eventId) {
        return update(Filters.and(Filters.eq(ID, id), Filters.ne(APPLIED, eventId)), Updates.push(APPLIED, eventId));
    }

    /**
     * Raises a waiting contact's priority once per event: only from the priority and the state it was read in,
     * and only while no agent has it.
     */
    public boolean raisePriority(Contact read, Priority to, String eventId) {
        return update(Filters.and(Filters.eq(ID, read.id()), Filters.ne(APPLIED, eventId),
                        Filters.eq(PRIORITY, read.priority().name()), Filters.in(STATE, ContactState.WAITING.name(),
                                ContactState.PENDING.name(), ContactState.QUEUED.name())),
                Updates.combine(Updates.set(PRIORITY, to.name()), Updates.set(PRIORITY_RANK, to.ordinal()),
                        Updates.push(APPLIED, eventId)));
    }

    /** A WAITING contact found a queue: PENDING there. */
    public boolean place(String id, Placement placement) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(STATE, ContactState.WAITING.name())),
                Updates.combine(placed(placement, PendingCause.PLACED)));
    }

    /** Escalation moved the contact to another tier and queue: PENDING there, once per event. */
    public boolean requeue(String id, String eventId, Placement placement, String caseId, int escalations,
            Priority priority) {
        return update(Filters.and(Filters.eq(ID, id), Filters.ne(APPLIED, eventId),
                        Filters.nin(STATE, ContactState.OFFERED.name(), ContactState.ASSIGNED.name())),
                Updates.combine(placed(placement, PendingCause.PLACED), Updates.set(CASE_ID, caseId),
                        Updates.set(ESCALATIONS, escalations), Updates.set(PRIORITY, priority.name()),
                        Updates.set(PRIORITY_RANK, priority.ordinal()), Updates.unset(OFFER),
                        Updates.unset(OUTCOME), Updates.unset(WITHDRAWAL), Updates.push(APPLIED, eventId)));
    }

    private static Bson placed(Placement p, PendingCause cause) {
        return Updates.combine(Updates.set(STATE, ContactState.PENDING.name()),
                Updates.set(PENDING, ContactDocuments.pending(p.queuedAt(), cause)),
                Updates.set(QUEUE_ID, p.queueId()),
                Updates.set(TIER, p.tier()), Updates.set(REASON, p.reason()),
                Updates.set(QUEUED_AT, Docs.date(p.queuedAt())), Updates.set(ARRIVAL_EVENT_ID, p.arrivalEventId()));
    }

    /**
     * PENDING to QUEUED, after ContactQueued (or OfferDeclined) was published: now it can be matched. The contact
     * as it is now, or empty if it was not PENDING (another delivery announced it already).
     */
    public Optional<Contact> announce(String id) {
        return Optional.ofNullable(contacts.findOneAndUpdate(
                        Filters.and(Filters.eq(ID, id), Filters.eq(STATE, ContactState.PENDING.name())),
                        Updates.combine(Updates.set(STATE, ContactState.QUEUED.name()), Updates.unset(OVERFLOW_FROM),
                                Updates.unset(PENDING)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(ContactDocuments::fromDocument);
    }

    /** QUEUED contacts of the queue that entered it at or before {@code cutoff}, longest waiting first. */
    public List<Contact> overdue(String queueId, Instant cutoff, int limit) {
        return Docs.list(contacts.find(Filters.and(queued(queueId), Filters.lte(QUEUED_AT, Docs.date(cutoff))))
                .sort(Sorts.ascending(QUEUED_AT, ID)).limit(limit).map(ContactDocuments::fromDocument));
    }

    /**
     * A contact that waited too long moves to the overflow queue: from QUEUED in the queue it was read in (and
     * with no offer since) to PENDING there, marked until its ContactQueued is out.
     */
    public boolean overflow(Contact read, Placement placement) {
        return update(Filters.and(Filters.eq(ID, read.id()), Filters.eq(STATE, ContactState.QUEUED.name()),
                        Filters.eq(QUEUE_ID, read.queueId()), Filters.eq(OFFER_SEQ, read.offerSeq())),
                Updates.combine(placed(placement, PendingCause.PLACED), Updates.set(OVERFLOW_FROM, read.queueId())));
    }

    /** Contacts moved to an overflow queue whose ContactQueued may not be out (e.g. after a crash). */
    public List<Contact> unannouncedOverflows(int limit) {
        return Docs.list(contacts.find(Filters.and(Filters.eq(STATE, ContactState.PENDING.name()),
                Filters.ne(OVERFLOW_FROM, null))).limit(limit).map(ContactDocuments::fromDocument));
    }

    /** Withdrawn contacts whose events may not all be out (e.g. after a crash). */
    public List<Contact> unfinishedWithdrawals(int limit) {
        return Docs.list(contacts.find(Filters.and(Filters.eq(STATE, ContactState.WITHDRAWN.name()),
                Filters.eq(WITHDRAWAL_DONE, false))).limit(limit).map(ContactDocuments::fromDocument));
    }

    /** The withdrawal's events are out. */
    public boolean withdrawalDone(String id) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(WITHDRAWAL_DONE, false)),
                Updates.set(WITHDRAWAL_DONE, true));
    }

    /** QUEUED to OFFERED to the agent, unless someone else was faster; the contact as claimed. */
    public Optional<Contact> claim(Contact contact, String agentId, Instant now, Instant expiresAt) {
        return offer(contact, ContactState.QUEUED, agentId, now, expiresAt);
    }

    /**
     * PENDING straight to OFFERED to the agent whose capacity was reserved for it while its ContactQueued (or
     * OfferDeclined) was on its way: {@link #announce} and {@link #claim} in one update, for a contact whose event
     * the broker has acknowledged. Empty if the contact changed since it was read (withdrawn, announced by another
     * delivery) or the agent is excluded from it.
     */
    public Optional<Contact> claimPending(Contact pending, String agentId, Instant now, Instant expiresAt) {
        return offer(pending, ContactState.PENDING, agentId, now, expiresAt, Updates.unset(OVERFLOW_FROM),
                Updates.unset(PENDING));
    }

    /** From the state and offer number it was read in, to OFFERED to the agent (unless it excludes the agent). */
    private Optional<Contact> offer(Contact read, ContactState from, String agentId, Instant now, Instant expiresAt,
            Bson... alsoUpdate) {
        int seq = read.offerSeq() + 1;
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(STATE, ContactState.OFFERED.name()),
                Updates.set(OFFER_SEQ, seq), Updates.set(OFFER,
                        ContactDocuments.offer(new Offer(agentId, seq, now, expiresAt)))));
        updates.addAll(List.of(alsoUpdate));
        return Optional.ofNullable(contacts.findOneAndUpdate(
                        Filters.and(Filters.eq(ID, read.id()), Filters.eq(STATE, from.name()),
                                Filters.eq(OFFER_SEQ, read.offerSeq()), Filters.ne(EXCLUDED, agentId)),
                        Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(ContactDocuments::fromDocument);
    }

    /** ContactOffered of offer {@code seq} was acknowledged. */
    public boolean offerAnnounced(String id, int seq) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(OFFER_SEQ_FIELD, seq)),
                Updates.set(OFFER_ANNOUNCED, true));
    }

    /**
     * OFFERED to ASSIGNED: the contact's current offer (a contact has one at a time), if it is to this agent and
     * has not expired, so the contact need not be read first. The contact as accepted, empty if it was not.
     */
    public Optional<Contact> accept(String id, String agentId, Instant now) {
        return updated(Filters.and(Filters.eq(ID, id), Filters.eq(STATE, ContactState.OFFERED.name()),
                Filters.eq(OFFER_AGENT, agentId),
                Filters.or(Filters.gt(OFFER_EXPIRES_AT, Docs.date(now)), Filters.eq(OFFER_EXPIRES_AT, null))),
                Updates.combine(
                Updates.set(STATE, ContactState.ASSIGNED.name()), Updates.set(ACCEPTED_AT, Docs.date(now))));
    }

    /** OFFERED to PENDING (it keeps its queuedAt, so its place); the agent is excluded from now on. */
    public boolean decline(String id, Decline decline) {
        return update(current(id, ContactState.OFFERED, decline.agentId(), decline.seq()), Updates.combine(
                Updates.set(STATE, ContactState.PENDING.name()), Updates.unset(OFFER),
                Updates.set(PENDING, ContactDocuments.pending(decline.at(), PendingCause.DECLINED)),
                Updates.addToSet(EXCLUDED, decline.agentId()),
                Updates.push(DECLINES, ContactDocuments.decline(decline))));
    }

    /**
     * ASSIGNED to RESOLVED or ESCALATED, with the handling's wrap-up starting; a hold still running ends with
     * it ({@code heldAt} is the hold as read, so a concurrent resume makes this fail and be read again). The
     * contact as finished, empty if it was not.
     */
    public Optional<Contact> finish(String id, String agentId, int seq, Instant heldAt, ContactState to,
            Outcome outcome, WrapUp wrapUp) {
        return updated(Filters.and(current(id, ContactState.ASSIGNED, agentId, seq),
                        Filters.eq(OFFER_HELD_AT, Docs.date(heldAt))), Updates.combine(
                Updates.set(STATE, to.name()), Updates.set(OUTCOME, ContactDocuments.outcome(outcome)),
                Updates.set(OFFER_HELD_AT, null), Updates.set(OFFER_HOLD_MILLIS, wrapUp.holdMillis()),
                Updates.push(WRAP_UPS, ContactDocuments.wrapUp(wrapUp))));
    }

    /**
     * The offer expired unanswered (or is taken back from its agent): OFFERED to PENDING
     * (keeping its place), the lapse to be finished.
     */
    public boolean lapse(String id, OfferLapse lapse) {
        Bson filter = current(id, ContactState.OFFERED, lapse.agentId(), lapse.seq());
        if (!lapse.takenBack()) {
            filter = Filters.and(filter, Filters.lte(OFFER_EXPIRES_AT, Docs.date(lapse.at())));
        }
        return update(filter, Updates.combine(Updates.set(STATE, ContactState.PENDING.name()), Updates.unset(OFFER),
                        Updates.set(LAPSE, ContactDocuments.lapse(lapse))));
    }

    /** The lapse's consequences are done: a PENDING contact becomes QUEUED (matchable); true if it did. */
    public boolean finishLapse(String id, int seq) {
        if (update(Filters.and(Filters.eq(ID, id), Filters.eq(LAPSE + ".seq", seq),
                Filters.eq(STATE, ContactState.PENDING.name())),
                Updates.combine(Updates.set(STATE, ContactState.QUEUED.name()), Updates.unset(LAPSE)))) {
            return true;
        }
        update(Filters.and(Filters.eq(ID, id), Filters.eq(LAPSE + ".seq", seq)), Updates.unset(LAPSE));
        return false;
    }

    /** OFFERED contacts whose offer expired at or before {@code now}. */
    public List<Contact> expiredOffers(Instant now, int limit) {
        return Docs.list(contacts.find(Filters.and(Filters.eq(STATE, ContactState.OFFERED.name()),
                        Filters.lte(OFFER_EXPIRES_AT, Docs.date(now))))
                .sort(Sorts.ascending(OFFER_EXPIRES_AT)).limit(limit).map(ContactDocuments::fromDocument));
    }

    /** Contacts with a timed-out offer whose consequences are not all done (e.g. after a crash). */
    public List<Contact> unfinishedLapses(int limit) {
        return Docs.list(contacts.find(Filters.gte(LAPSE + ".seq", 0)).limit(limit)
                .map(ContactDocuments::fromDocument));
    }

    /**
     * Takes a contact that no agent is handling out of its queue, once per event: from the state it was read in
     * (WAITING, PENDING, QUEUED or OFFERED with the same offer number) to WITHDRAWN.
     */
    public boolean withdraw(Contact read, Withdrawal withdrawal) {
        return update(Filters.and(Filters.eq(ID, read.id()), Filters.eq(STATE, read.state().name()),
                        Filters.eq(OFFER_SEQ, read.offerSeq()), Filters.ne(APPLIED, withdrawal.eventId())),
                Updates.combine(Updates.set(STATE, ContactState.WITHDRAWN.name()), Updates.unset(OFFER),
                        Updates.set(WITHDRAWAL, ContactDocuments.withdrawal(withdrawal).append("done", false)),
                        Updates.push(APPLIED, withdrawal.eventId())));
    }

    /** The customer goes on hold: hold number {@code holdSeq + 1} of the handling starts. */
    public boolean hold(String id, String agentId, int seq, Instant now) {
        return update(Filters.and(current(id, ContactState.ASSIGNED, agentId, seq), Filters.eq(OFFER_HELD_AT, null)),
                Updates.combine(Updates.set(OFFER_HELD_AT, Docs.date(now)), Updates.inc(OFFER_HOLD_SEQ, 1)));
    }

    /** The hold that began at {@code heldAt} ends now; it adds {@code millis} to the handling's hold time. */
    public boolean resume(String id, String agentId, int seq, Instant heldAt, Instant now, long millis) {
        return update(Filters.and(current(id, ContactState.ASSIGNED, agentId, seq),
                        Filters.eq(OFFER_HELD_AT, Docs.date(heldAt))),
                Updates.combine(Updates.set(OFFER_HELD_AT, null), Updates.inc(OFFER_HOLD_MILLIS, millis),
                        Updates.set(OFFER_LAST_HOLD_MILLIS, millis),
                        Updates.set(OFFER_LAST_RESUMED_AT, Docs.date(now))));
    }

    /**
     * The agent hands the contact to another queue: ASSIGNED to PENDING there; the agent is not offered it
     * again; the transfer is counted.
     */
    public boolean transfer(String id, Instant heldAt, Placement placement, Transfer transfer) {
        return update(Filters.and(current(id, ContactState.ASSIGNED, transfer.agentId(), transfer.seq()),
                        Filters.eq(OFFER_HELD_AT, Docs.date(heldAt))),
                Updates.combine(placed(placement, PendingCause.TRANSFERRED), Updates.unset(OFFER),
                        Updates.inc(TRANSFERS, 1),
                        Updates.set(LAST_TRANSFER, ContactDocuments.transfer(transfer)),
                        Updates.addToSet(EXCLUDED, transfer.agentId())));
    }

    public boolean endWrapUp(String id, int seq) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(WRAP_UP_SEQ, seq)),
                Updates.pull(WRAP_UPS, new Document("seq", seq)));
    }

    private static Bson current(String id, ContactState state, String agentId, int seq) {
        return Filters.and(Filters.eq(ID, id), Filters.eq(STATE, state.name()), Filters.eq(OFFER_AGENT, agentId),
                Filters.eq(OFFER_SEQ_FIELD, seq));
    }

    private boolean update(Bson filter, Bson update) {
        return contacts.updateOne(filter, update).getModifiedCount() == 1;
    }

    /** The same as one round trip that also returns the updated contact. */
    private Optional<Contact> updated(Bson filter, Bson update) {
        return Optional.ofNullable(contacts.findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(ContactDocuments::fromDocument);
    }

    /** QUEUED contacts the agent could take on these channels, outside the given queues, most urgent first. */
    public List<Contact> waitingFor(Agent agent, Set<Channel> channels, List<String> notInQueues, int limit) {
        Bson filter = Filters.and(Filters.eq(STATE, ContactState.QUEUED.name()), Filters.eq(TIER, agent.tier()),
                Filters.in(CHANNEL, channels.stream().map(Channel::name).toList()),
                Filters.ne(EXCLUDED, agent.id()),
                Filters.or(Filters.in(LANGUAGE_KEY, Languages.keys(agent.languages())),
                        Filters.eq(LANGUAGE_KEY, null)));
        if (!notInQueues.isEmpty()) {
            filter = Filters.and(filter, Filters.nin(QUEUE_ID, notInQueues));
        }
        return Docs.list(contacts.find(filter)
                .sort(Sorts.orderBy(Sorts.descending(PRIORITY_RANK), Sorts.ascending(QUEUED_AT, ID)))
                .limit(limit).map(ContactDocuments::fromDocument));
    }

    /** The agent's open offers and assignments. */
    public List<Contact> openFor(String agentId) {
        return Docs.list(contacts.find(Filters.and(Filters.eq(OFFER_AGENT, agentId),
                        Filters.in(STATE, ContactState.OFFERED.name(), ContactState.ASSIGNED.name())))
                .sort(Sorts.ascending(OFFER_SEQ_FIELD, ID)).map(ContactDocuments::fromDocument));
    }

    public List<Contact> withWrapUpsOf(String agentId) {
        return Docs.list(contacts.find(Filters.eq(WRAP_UP_AGENT, agentId)).map(ContactDocuments::fromDocument));
    }

    public List<Contact> withWrapUpsDue(Instant now, int limit) {
        return Docs.list(contacts.find(Filters.lte(WRAP_UP_UNTIL, Docs.date(now))).limit(limit)
                .map(ContactDocuments::fromDocument));
    }

    /** WAITING contacts the queue could serve, oldest first. */
    public List<Contact> unplacedFor(RoutingQueue queue, int limit) {
        Bson waiting = Filters.and(Filters.eq(STATE, ContactState.WAITING.name()),
                Filters.in(CHANNEL, queue.channels().stream().map(Channel::name).toList()));
        if (!queue.anyLanguage()) {
            waiting = Filters.and(waiting, Filters.in(LANGUAGE_KEY, Languages.keys(queue.languages())));
        }
        return Docs.list(contacts.find(waiting)
                .sort(Sorts.ascending("receivedAt", ID)).limit(limit).map(ContactDocuments::fromDocument));
    }

    /** How many contacts wait in the queue, and since when the oldest. */
    public long depth(String queueId) {
        return contacts.countDocuments(queued(queueId));
    }

    public Optional<Instant> oldestQueuedAt(String queueId) {
        return Optional.ofNullable(contacts.find(queued(queueId)).sort(Sorts.ascending(QUEUED_AT)).limit(1).first())
                .map(d -> Docs.instant(d, QUEUED_AT));
    }

    private static Bson queued(String queueId) {
        return Filters.and(Filters.eq(QUEUE_ID, queueId), Filters.eq(STATE, ContactState.QUEUED.name()));
    }
}
