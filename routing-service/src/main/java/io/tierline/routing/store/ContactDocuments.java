package io.tierline.routing.store;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
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
import io.tierline.routing.WrapUp;
import org.bson.Document;

/** Maps contacts to and from their Mongo documents (collection {@code contacts}). */
final class ContactDocuments {
    static final String ID = "_id";
    static final String STATE = "state";
    static final String CHANNEL = "channel";
    static final String LANGUAGE_KEY = "languageKey";
    static final String PRIORITY = "priority";
    static final String PRIORITY_RANK = "priorityRank";
    static final String CASE_ID = "caseId";
    static final String ESCALATIONS = "escalations";
    static final String QUEUE_ID = "queueId";
    static final String TIER = "tier";
    static final String REASON = "reason";
    static final String QUEUED_AT = "queuedAt";
    static final String ARRIVAL_EVENT_ID = "arrivalEventId";
    static final String OFFER_SEQ = "offerSeq";
    static final String OFFER = "offer";
    static final String OFFER_AGENT = "offer.agentId";
    static final String OFFER_SEQ_FIELD = "offer.seq";
    static final String ACCEPTED_AT = "offer.acceptedAt";
    static final String OFFER_ANNOUNCED = "offer.announced";
    static final String OUTCOME = "outcome";
    static final String EXCLUDED = "excluded";
    static final String DECLINES = "declines";
    static final String WRAP_UPS = "wrapUps";
    static final String WRAP_UP_SEQ = "wrapUps.seq";
    static final String WRAP_UP_AGENT = "wrapUps.agentId";
    static final String WRAP_UP_UNTIL = "wrapUps.until";
    static final String APPLIED = "appliedEvents";
    static final String OFFER_EXPIRES_AT = "offer.expiresAt";
    static final String OFFER_HELD_AT = "offer.heldAt";
    static final String OFFER_HOLD_MILLIS = "offer.holdMillis";
    static final String OFFER_HOLD_SEQ = "offer.holdSeq";
    static final String OFFER_LAST_HOLD_MILLIS = "offer.lastHoldMillis";
    static final String OFFER_LAST_RESUMED_AT = "offer.lastResumedAt";
    static final String LAPSE = "lapse";
    static final String WITHDRAWAL = "withdrawal";
    static final String WITHDRAWAL_DONE = "withdrawal.done";
    static final String OVERFLOW_FROM = "overflowFrom";
    static final String TRANSFERS = "transfers";
    static final String LAST_TRANSFER = "lastTransfer";
    /** {since, cause}: when and why the contact became PENDING; the recovery sweep finishes it if it stays so. */
    static final String PENDING = "pending";
    static final String PENDING_SINCE = "pending.since";
    static final String PENDING_CAUSE = "pending.cause";

    private ContactDocuments() {
    }

    static Document toDocument(Contact c) {
        return new Document(ID, c.id())
                .append(STATE, c.state().name())
                .append(CHANNEL, c.channel().name())
                .append("customer", customer(c.customer()))
                .append("language", c.language())
                .append(LANGUAGE_KEY, Languages.key(c.language()))
                .append("subject", c.subject())
                .append("category", c.category())
                .append(PRIORITY, c.priority().name())
                .append(PRIORITY_RANK, c.priority().ordinal())
                .append("repeatOf", c.repeatOf())
                .append(CASE_ID, c.caseId())
                .append(ESCALATIONS, c.escalations())
                .append(QUEUE_ID, c.queueId())
                .append(TIER, c.tier())
                .append(REASON, c.reason())
                .append("receivedAt", Docs.date(c.receivedAt()))
                .append(QUEUED_AT, Docs.date(c.queuedAt()))
                .append(ARRIVAL_EVENT_ID, c.arrivalEventId())
                .append(OFFER_SEQ, c.offerSeq())
                .append(OFFER, c.offer() == null ? null : offer(c.offer()))
                .append(OUTCOME, c.outcome() == null ? null : outcome(c.outcome()))
                .append(EXCLUDED, c.excluded())
                .append(DECLINES, c.declines().stream().map(ContactDocuments::decline).toList())
                .append(WRAP_UPS, c.wrapUps().stream().map(ContactDocuments::wrapUp).toList())
                .append(APPLIED, c.appliedEvents())
                .append(LAPSE, c.lapse() == null ? null : lapse(c.lapse()))
                .append(WITHDRAWAL, c.withdrawal() == null ? null : withdrawal(c.withdrawal()))
                .append(TRANSFERS, c.transfers())
                .append(LAST_TRANSFER, c.lastTransfer() == null ? null : transfer(c.lastTransfer()))
                .append(PENDING, c.state() == ContactState.PENDING
                        ? pending(c.queuedAt(), PendingCause.PLACED) : null);
    }

    static Document pending(java.time.Instant since, PendingCause cause) {
        return new Document("since", Docs.date(since)).append("cause", cause.name());
    }

    static Document lapse(OfferLapse l) {
        return new Document("agentId", l.agentId()).append("seq", l.seq()).append("queueId", l.queueId())
                .append("tier", l.tier()).append("at", Docs.date(l.at())).append("takenBackFor", l.takenBackFor())
                .append("announced", l.announced());
    }

    static Document withdrawal(Withdrawal w) {
        return new Document("reason", w.reason()).append("at", Docs.date(w.at())).append("agentId", w.agentId())
                .append("queueId", w.queueId()).append("tier", w.tier()).append("queuedAt", Docs.date(w.queuedAt()))
                .append("eventId", w.eventId());
    }

    static Document transfer(Transfer t) {
        return new Document("agentId", t.agentId()).append("seq", t.seq()).append("fromQueueId", t.fromQueueId())
                .append("fromTier", t.fromTier()).append("toQueueId", t.toQueueId()).append("toTier", t.toTier())
                .append("at", Docs.date(t.at())).append("talkMillis", t.talkMillis())
                .append("holdMillis", t.holdMillis());
    }

    static Document customer(Customer c) {
        if (c == null) {
            return null;
        }
        return new Document("id", c.id()).append("name", c.name()).append("email", c.email())
                .append("phone", c.phone()).append("segment", c.segment() == null ? null : c.segment().name());
    }

    static Document offer(Offer o) {
        return new Document("agentId", o.agentId()).append("seq", o.seq())
                .append("offeredAt", Docs.date(o.offeredAt())).append("expiresAt", Docs.date(o.expiresAt()))
                .append("acceptedAt", Docs.date(o.acceptedAt()))
                .append("announced", o.announced()).append("heldAt", Docs.date(o.heldAt()))
                .append("holdMillis", o.holdMillis()).append("holdSeq", o.holdSeq())
                .append("lastHoldMillis", o.lastHoldMillis()).append("lastResumedAt", Docs.date(o.lastResumedAt()));
    }

    static Document outcome(Outcome o) {
        return new Document("kind", o.kind().name()).append("endedAt", Docs.date(o.endedAt()))
                .append("code", o.code()).append("notes", o.notes())
                .append("diagnostics", Docs.document(o.diagnostics()));
    }

    static Document decline(Decline d) {
        return new Document("agentId", d.agentId()).append("seq", d.seq()).append("queueId", d.queueId())
                .append("tier", d.tier()).append("at", Docs.date(d.at()));
    }

    static Document wrapUp(WrapUp w) {
        return new Document("seq", w.seq()).append("agentId", w.agentId()).append("queueId", w.queueId())
                .append("tier", w.tier()).append("channel", w.channel().name())
                .append("outcome", w.outcome().name()).append("acceptedAt", Docs.date(w.acceptedAt()))
                .append("handlingEndedAt", Docs.date(w.handlingEndedAt())).append("until", Docs.date(w.until()))
                .append("holdMillis", w.holdMillis());
    }

    static Contact fromDocument(Document d) {
        return new Contact(
                d.getString(ID),
                ContactState.valueOf(d.getString(STATE)),
                Channel.valueOf(d.getString(CHANNEL)),
                customerFrom(Docs.sub(d, "customer")),
                d.getString("language"),
                d.getString("subject"),
                d.getString("category"),
                Priority.valueOf(d.getString(PRIORITY)),
                d.getString("repeatOf"),
                d.getString(CASE_ID),
                Docs.integer(d, ESCALATIONS),
                d.getString(QUEUE_ID),
                Docs.integer(d, TIER),
                d.getString(REASON),
                Docs.instant(d, "receivedAt"),
                Docs.instant(d, QUEUED_AT),
                d.getString(ARRIVAL_EVENT_ID),
                Docs.integer(d, OFFER_SEQ),
                offerFrom(Docs.sub(d, OFFER)),
                outcomeFrom(Docs.sub(d, OUTCOME)),
                Docs.strings(d, EXCLUDED),
                Docs.documents(d, DECLINES).stream().map(ContactDocuments::declineFrom).toList(),
                Docs.documents(d, WRAP_UPS).stream().map(ContactDocuments::wrapUpFrom).toList(),
                Docs.strings(d, APPLIED),
                lapseFrom(Docs.sub(d, LAPSE)),
                withdrawalFrom(Docs.sub(d, WITHDRAWAL)),
                Docs.integer(d, TRANSFERS),
                transferFrom(Docs.sub(d, LAST_TRANSFER)));
    }

    private static OfferLapse lapseFrom(Document l) {
        return l == null ? null : new OfferLapse(l.getString("agentId"), Docs.integer(l, "seq"),
                l.getString("queueId"), Docs.integer(l, "tier"), Docs.instant(l, "at"),
                l.getString("takenBackFor"), l.getBoolean("announced", true));
    }

    private static Withdrawal withdrawalFrom(Document w) {
        return w == null ? null : new Withdrawal(w.getString("reason"), Docs.instant(w, "at"),
                w.getString("agentId"), w.getString("queueId"), Docs.integer(w, "tier"),
                Docs.instant(w, "queuedAt"), w.getString("eventId"));
    }

    private static Transfer transferFrom(Document t) {
        return t == null ? null : new Transfer(t.getString("agentId"), Docs.integer(t, "seq"),
                t.getString("fromQueueId"), Docs.integer(t, "fromTier"), t.getString("toQueueId"),
                Docs.integer(t, "toTier"), Docs.instant(t, "at"), Docs.longValue(t, "talkMillis"),
                Docs.longValue(t, "holdMillis"));
    }

    private static Customer customerFrom(Document c) {
        if (c == null) {
            return null;
        }
        String segment = c.getString("segment");
        return new Customer(c.getString("id"), c.getString("name"), c.getString("email"), c.getString("phone"),
                segment == null ? null : Segment.valueOf(segment));
    }

    private static Offer offerFrom(Document o) {
        return o == null ? null : new Offer(o.getString("agentId"), Docs.integer(o, "seq"),
                Docs.instant(o, "offeredAt"), Docs.instant(o, "expiresAt"), Docs.instant(o, "acceptedAt"),
                o.getBoolean("announced", false), Docs.instant(o, "heldAt"), Docs.longValue(o, "holdMillis"),
                Docs.integer(o, "holdSeq"), Docs.longValue(o, "lastHoldMillis"), Docs.instant(o, "lastResumedAt"));
    }

    private static Outcome outcomeFrom(Document o) {
        return o == null ? null : new Outcome(HandlingOutcome.valueOf(o.getString("kind")),
                Docs.instant(o, "endedAt"), o.getString("code"), o.getString("notes"),
                Docs.stringMap(Docs.sub(o, "diagnostics")));
    }

    private static Decline declineFrom(Document d) {
        return new Decline(d.getString("agentId"), Docs.integer(d, "seq"), d.getString("queueId"),
                Docs.integer(d, "tier"), Docs.instant(d, "at"));
    }

    private static WrapUp wrapUpFrom(Document w) {
        return new WrapUp(Docs.integer(w, "seq"), w.getString("agentId"), w.getString("queueId"),
                Docs.integer(w, "tier"), Channel.valueOf(w.getString("channel")),
                HandlingOutcome.valueOf(w.getString("outcome")), Docs.instant(w, "acceptedAt"),
                Docs.instant(w, "handlingEndedAt"), Docs.instant(w, "until"), Docs.longValue(w, "holdMillis"));
    }
}
