package io.tierline.routing.messaging;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.ContactHeld;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactResumed;
import io.tierline.events.ContactTransferred;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.EventIds;
import io.tierline.events.OfferAccepted;
import io.tierline.events.OfferDeclined;
import io.tierline.events.OfferTimedOut;
import io.tierline.events.UnresolvedReason;
import io.tierline.events.WrapUpEnded;
import io.tierline.routing.Agent;
import io.tierline.routing.Contact;
import io.tierline.routing.Decline;
import io.tierline.routing.Offer;
import io.tierline.routing.OfferLapse;
import io.tierline.routing.Transfer;
import io.tierline.routing.Withdrawal;
import io.tierline.routing.Outcome;
import io.tierline.routing.WrapUp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds routing's events from its stored state. Ids are derived from the facts they report (the arriving
 * event, the offer number), and times are the stored ones, so building an event again gives the same event.
 */
public final class RoutingEvents {

    static final String DECLINED_BY_AGENT = "declined by the agent";
    static final String SET_BY_AGENT = "set by the agent";
    public static final String DESKTOP_DISCONNECTED = "desktop-disconnected";
    /**
     * ContactUnresolved has no field for the agent's own escalation reason (its {@code reason} is the
     * enum AGENT_ESCALATED), so the text travels in {@code diagnostics} under this key.
     */
    public static final String AGENT_REASON = "agentReason";

    private RoutingEvents() {
    }

    public static ContactQueued queued(Contact c) {
        return new ContactQueued(EventIds.derive(c.arrivalEventId(), "queued"), c.id(), c.queuedAt(), c.queueId(),
                c.tier(), c.channel(), c.priority(), c.reason());
    }

    public static ContactOffered offered(Contact c) {
        Offer o = c.offer();
        return new ContactOffered(EventIds.derive(c.id(), "offered", o.seq()), c.id(), o.offeredAt(), o.agentId(),
                c.queueId(), c.tier(), c.channel(), c.priority(), c.category(), c.language(), c.customerId(),
                c.customer() == null ? null : c.customer().segment(), c.subject(), c.caseId(), o.expiresAt());
    }

    public static OfferAccepted accepted(Contact c) {
        Offer o = c.offer();
        return new OfferAccepted(EventIds.derive(c.id(), "accepted", o.seq()), c.id(), o.acceptedAt(), o.agentId(),
                c.queueId(), c.tier(), c.channel(), c.queuedAt());
    }

    public static OfferDeclined declined(Contact c, Decline d) {
        return new OfferDeclined(EventIds.derive(c.id(), "declined", d.seq()), c.id(), d.at(), d.agentId(),
                d.queueId(), d.tier(), c.channel(), DECLINED_BY_AGENT);
    }

    public static ContactResolved resolved(Contact c) {
        Offer o = c.offer();
        Outcome out = c.outcome();
        return new ContactResolved(EventIds.derive(c.id(), "resolved", o.seq()), c.id(), out.endedAt(),
                o.agentId(), c.queueId(), c.tier(), c.channel(), c.customerId(), c.category(), c.caseId(),
                out.code(), out.notes(), c.escalations(), c.transfers(), c.repeatOf(), c.queuedAt(), o.acceptedAt(),
                o.talkMillisAt(out.endedAt()), o.holdMillisAt(out.endedAt()));
    }

    public static ContactUnresolved unresolved(Contact c) {
        Offer o = c.offer();
        Outcome out = c.outcome();
        Map<String, String> diagnostics = new TreeMap<>(out.diagnostics());
        diagnostics.putIfAbsent(AGENT_REASON, out.code());
        return new ContactUnresolved(EventIds.derive(c.id(), "unresolved", o.seq()), c.id(), out.endedAt(),
                UnresolvedReason.AGENT_ESCALATED, o.agentId(), c.queueId(), c.tier(), c.channel(), c.customer(),
                c.language(), c.category(), c.priority(), c.subject(), out.notes(), diagnostics,
                c.escalations(), c.caseId(), c.repeatOf(), o.acceptedAt(), o.talkMillisAt(out.endedAt()),
                o.holdMillisAt(out.endedAt()));
    }

    public static WrapUpEnded wrapUpEnded(String contactId, WrapUp w, Instant endedAt) {
        return new WrapUpEnded(EventIds.derive(contactId, "wrap-up-ended", w.seq()), contactId, endedAt,
                w.agentId(), w.queueId(), w.tier(), w.channel(), w.outcome(), w.acceptedAt(), w.handlingEndedAt(),
                w.talkMillis(), w.holdMillis(), millis(w.handlingEndedAt(), endedAt));
    }

    public static OfferTimedOut timedOut(Contact c, OfferLapse l) {
        return new OfferTimedOut(EventIds.derive(c.id(), "timed-out", l.seq()), c.id(), l.at(), l.agentId(),
                l.queueId(), l.tier(), c.channel());
    }

    /** An offer taken back from its agent (desktop lost, agent AWAY or OFFLINE), with why. */
    public static OfferDeclined takenBack(Contact c, OfferLapse l) {
        return new OfferDeclined(EventIds.derive(c.id(), "declined", l.seq()), c.id(), l.at(), l.agentId(),
                l.queueId(), l.tier(), c.channel(), l.takenBackFor());
    }

    public static ContactWithdrawn withdrawn(Contact c) {
        Withdrawal w = c.withdrawal();
        return new ContactWithdrawn(EventIds.derive(w.eventId(), "withdrawn"), c.id(), w.at(), w.agentId(),
                w.queueId(), w.tier(), c.channel(), w.reason(), w.queuedAt());
    }

    /** A contact that waited past its queue's maximum wait without an overflow queue, for escalation to decide. */
    public static ContactUnresolved slaBreach(Contact c) {
        Withdrawal w = c.withdrawal();
        Map<String, String> diagnostics = new TreeMap<>();
        diagnostics.put("queuedAt", String.valueOf(w.queuedAt()));
        diagnostics.put("waitedSeconds", String.valueOf(millis(w.queuedAt(), w.at()) / 1000));
        return new ContactUnresolved(EventIds.derive(w.eventId(), "unresolved"), c.id(), w.at(),
                UnresolvedReason.SLA_BREACH, null, w.queueId(), w.tier(), c.channel(), c.customer(), c.language(),
                c.category(), c.priority(), c.subject(), "waited in queue " + w.queueId()
                        + " past its maxWaitSeconds without an overflow queue", diagnostics, c.escalations(),
                c.caseId(), c.repeatOf(), null, 0, 0);
    }

    /** The current hold of the contact's handling (the last one if it ended). */
    public static ContactHeld held(Contact c) {
        Offer o = c.offer();
        Instant at = o.onHold() ? o.heldAt() : o.lastResumedAt().minusMillis(o.lastHoldMillis());
        return new ContactHeld(EventIds.derive(c.id(), "held", o.seq(), o.holdSeq()), c.id(), at, o.agentId(),
                c.queueId(), c.tier(), c.channel());
    }

    /** The end of the handling's last hold. */
    public static ContactResumed resumed(Contact c) {
        Offer o = c.offer();
        return new ContactResumed(EventIds.derive(c.id(), "resumed", o.seq(), o.holdSeq()), c.id(),
                o.lastResumedAt(), o.agentId(), c.queueId(), c.tier(), c.channel(), o.lastHoldMillis());
    }

    public static ContactTransferred transferred(Contact c) {
        Transfer t = c.lastTransfer();
        return new ContactTransferred(EventIds.derive(c.id(), "transferred", t.seq()), c.id(), t.at(), t.agentId(),
                t.fromQueueId(), t.fromTier(), c.channel(), t.toQueueId(), t.toTier(), t.talkMillis(),
                t.holdMillis());
    }

    public static AgentPresenceChanged presence(Agent a) {
        return new AgentPresenceChanged(EventIds.derive(a.id(), "presence", a.statusSeq()), a.id(),
                a.statusChangedAt(), a.status(), a.previousStatus(),
                a.statusReason() == null ? SET_BY_AGENT : a.statusReason());
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
