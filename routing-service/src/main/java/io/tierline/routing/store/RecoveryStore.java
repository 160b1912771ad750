package io.tierline.routing.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.tierline.events.Channel;
import io.tierline.routing.ContactState;
import io.tierline.routing.PendingCause;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the recovery sweep looks for: contacts left PENDING and capacity reserved but never claimed, each older
 * than a cutoff. Taking one over is a conditional update, so of several routing instances only one finishes it.
 */
@Singleton
public class RecoveryStore {

    /** A contact PENDING since {@code since} for {@code cause}. */
    public record StuckContact(String id, Instant since, PendingCause cause) {
    }

    /** Capacity of the agent reserved for the contact at {@code at} and not yet seen claimed. */
    public record Reservation(String agentId, String contactId, Channel channel, Instant at) {
    }

    private static final String RESERVATION_AT = AgentDocuments.RESERVATIONS + ".at";

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> agents;

    public RecoveryStore(MongoDatabase database) {
        this.contacts = database.getCollection("contacts");
        this.agents = database.getCollection("agents");
    }

    /** Contacts PENDING since {@code cutoff} or before, except timed-out offers and overflows (own sweeps). */
    public List<StuckContact> stuckPending(Instant cutoff, int limit) {
        return Docs.list(contacts.find(Filters.and(Filters.eq(ContactDocuments.STATE, ContactState.PENDING.name()),
                        Filters.lte(ContactDocuments.PENDING_SINCE, Docs.date(cutoff)),
                        Filters.eq(ContactDocuments.LAPSE, null), Filters.eq(ContactDocuments.OVERFLOW_FROM, null)))
                .limit(limit).map(d -> {
                    Document pending = Docs.sub(d, ContactDocuments.PENDING);
                    return new StuckContact(d.getString(ContactDocuments.ID), Docs.instant(pending, "since"),
                            PendingCause.valueOf(pending.getString("cause")));
                }));
    }

    /** This instance finishes the stuck contact: true for exactly one taker (its {@code since} moves to now). */
    public boolean takeOver(StuckContact stuck, Instant now) {
        return contacts.updateOne(Filters.and(Filters.eq(ContactDocuments.ID, stuck.id()),
                        Filters.eq(ContactDocuments.STATE, ContactState.PENDING.name()),
                        Filters.eq(ContactDocuments.PENDING_SINCE, Docs.date(stuck.since()))),
                Updates.set(ContactDocuments.PENDING_SINCE, Docs.date(now))).getModifiedCount() == 1;
    }

    /** Reservations made at {@code cutoff} or before that the sweep has not checked yet. */
    public List<Reservation> oldReservations(Instant cutoff, int limit) {
        return Docs.list(agents.find(Filters.lte(RESERVATION_AT, Docs.date(cutoff))).limit(limit)).stream()
                .flatMap(agent -> Docs.documents(agent, AgentDocuments.RESERVATIONS).stream()
                        .map(r -> new Reservation(agent.getString(AgentDocuments.ID), r.getString("contact"),
                                Channel.valueOf(r.getString("channel")), Docs.instant(r, "at"))))
                .filter(r -> !r.at().isAfter(cutoff))
                .toList();
    }

    /** The reservation needs no more checking (its contact claimed it, or it holds nothing any more). */
    public boolean forget(Reservation r) {
        UpdateOneModel<Document> forgetting = forgetting(r);
        return agents.updateOne(forgetting.getFilter(), forgetting.getUpdate()).getModifiedCount() == 1;
    }

    /** The same for each of these reservations, as one unordered bulk write. */
    public void forgetAll(List<Reservation> reservations) {
        if (!reservations.isEmpty()) {
            agents.bulkWrite(reservations.stream().map(RecoveryStore::forgetting).toList(),
                    new BulkWriteOptions().ordered(false));
        }
    }

    private static UpdateOneModel<Document> forgetting(Reservation r) {
        return new UpdateOneModel<>(Filters.and(Filters.eq(AgentDocuments.ID, r.agentId()), same(r)),
                Updates.pull(AgentDocuments.RESERVATIONS, entry(r)));
    }

    /** The reservation was never claimed (a crash between reserving and claiming): its capacity goes back, once. */
    public boolean releaseOrphan(Reservation r) {
        return agents.updateOne(Filters.and(Filters.eq(AgentDocuments.ID, r.agentId()),
                        Filters.eq(AgentDocuments.HOLDS, r.contactId()), same(r)),
                Updates.combine(Updates.inc(AgentDocuments.free(r.channel()), 1),
                        Updates.pull(AgentDocuments.HOLDS, r.contactId()),
                        Updates.pull(AgentDocuments.RESERVATIONS, entry(r)))).getModifiedCount() == 1;
    }

    private static Bson same(Reservation r) {
        return Filters.elemMatch(AgentDocuments.RESERVATIONS, entry(r));
    }

    private static Document entry(Reservation r) {
        return new Document("contact", r.contactId()).append("at", Docs.date(r.at()));
    }
}
