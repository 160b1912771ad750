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
import io.tierline.routing.Outcome;
import io.tierline.routing.Placement;
import io.tierline.routing.RoutingQueue;
import io.tierline.routing.WrapUp;
import jakarta.inject.Singleton;
import java.time.Instant;
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

    /** A WAITING contact found a queue: PENDING there. */
    public boolean place(String id, Placement placement) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(STATE, ContactState.WAITING.name())),
                Updates.combine(placed(placement)));
    }

    /** Escalation moved the contact to another tier and queue: PENDING there, once per event. */
    public boolean requeue(String id, String eventId, Placement placement, String caseId, int escalations,
            Priority priority) {
        return update(Filters.and(Filters.eq(ID, id), Filters.ne(APPLIED, eventId),
                        Filters.nin(STATE, ContactState.OFFERED.name(), ContactState.ASSIGNED.name())),
                Updates.combine(placed(placement), Updates.set(CASE_ID, caseId),
                        Updates.set(ESCALATIONS, escalations), Updates.set(PRIORITY, priority.name()),
                        Updates.set(PRIORITY_RANK, priority.ordinal()), Updates.unset(OFFER),
                        Updates.unset(OUTCOME), Updates.push(APPLIED, eventId)));
    }

    private static Bson placed(Placement p) {
        return Updates.combine(Updates.set(STATE, ContactState.PENDING.name()), Updates.set(QUEUE_ID, p.queueId()),
                Updates.set(TIER, p.tier()), Updates.set(REASON, p.reason()),
                Updates.set(QUEUED_AT, Docs.date(p.queuedAt())), Updates.set(ARRIVAL_EVENT_ID, p.arrivalEventId()));
    }

    /** PENDING to QUEUED, after ContactQueued (or OfferDeclined) was published: now it can be matched. */
    public boolean announce(String id) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(STATE, ContactState.PENDING.name())),
                Updates.set(STATE, ContactState.QUEUED.name()));
    }

    /** QUEUED to OFFERED to the agent, unless someone else was faster; the contact as claimed. */
    public Optional<Contact> claim(Contact contact, String agentId, Instant now) {
        int seq = contact.offerSeq() + 1;
        Document claimed = contacts.findOneAndUpdate(
                Filters.and(Filters.eq(ID, contact.id()), Filters.eq(STATE, ContactState.QUEUED.name()),
                        Filters.eq(OFFER_SEQ, contact.offerSeq()), Filters.ne(EXCLUDED, agentId)),
                Updates.combine(Updates.set(STATE, ContactState.OFFERED.name()), Updates.set(OFFER_SEQ, seq),
                        Updates.set(OFFER, ContactDocuments.offer(new Offer(agentId, seq, now, null, false)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(ContactDocuments::fromDocument);
    }

    /** ContactOffered of offer {@code seq} was acknowledged. */
    public boolean offerAnnounced(String id, int seq) {
        return update(Filters.and(Filters.eq(ID, id), Filters.eq(OFFER_SEQ_FIELD, seq)),
                Updates.set(OFFER_ANNOUNCED, true));
    }

    public boolean accept(String id, String agentId, int seq, Instant now) {
        return update(current(id, ContactState.OFFERED, agentId, seq), Updates.combine(
                Updates.set(STATE, ContactState.ASSIGNED.name()), Updates.set(ACCEPTED_AT, Docs.date(now))));
    }

    /** OFFERED to PENDING (it keeps its queuedAt, so its place); the agent is excluded from now on. */
    public boolean decline(String id, Decline decline) {
        return update(current(id, ContactState.OFFERED, decline.agentId(), decline.seq()), Updates.combine(
                Updates.set(STATE, ContactState.PENDING.name()), Updates.unset(OFFER),
                Updates.addToSet(EXCLUDED, decline.agentId()),
                Updates.push(DECLINES, ContactDocuments.decline(decline))));
    }

    /** ASSIGNED to RESOLVED or ESCALATED, with the handling's wrap-up starting. */
    public boolean finish(String id, String agentId, int seq, ContactState to, Outcome outcome, WrapUp wrapUp) {
        return update(current(id, ContactState.ASSIGNED, agentId, seq), Updates.combine(
                Updates.set(STATE, to.name()), Updates.set(OUTCOME, ContactDocuments.outcome(outcome)),
                Updates.push(WRAP_UPS, ContactDocuments.wrapUp(wrapUp))));
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

    /** QUEUED contacts the agent could take on these channels, most urgent first. */
    public List<Contact> waitingFor(Agent agent, Set<Channel> channels, int limit) {
        Bson filter = Filters.and(Filters.eq(STATE, ContactState.QUEUED.name()), Filters.eq(TIER, agent.tier()),
                Filters.in(CHANNEL, channels.stream().map(Channel::name).toList()),
                Filters.ne(EXCLUDED, agent.id()),
                Filters.or(Filters.in(LANGUAGE_KEY, Languages.keys(agent.languages())),
                        Filters.eq(LANGUAGE_KEY, null)));
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
