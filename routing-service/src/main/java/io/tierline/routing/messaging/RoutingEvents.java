package io.tierline.routing.messaging;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.EventIds;
import io.tierline.events.OfferAccepted;
import io.tierline.events.OfferDeclined;
import io.tierline.events.UnresolvedReason;
import io.tierline.events.WrapUpEnded;
import io.tierline.routing.Agent;
import io.tierline.routing.Contact;
import io.tierline.routing.Decline;
import io.tierline.routing.Offer;
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
                c.customer() == null ? null : c.customer().segment(), c.subject(), c.caseId(), null);
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
                out.code(), out.notes(), c.escalations(), 0, c.repeatOf(), c.queuedAt(), o.acceptedAt(),
                millis(o.acceptedAt(), out.endedAt()), 0);
    }

    public static ContactUnresolved unresolved(Contact c) {
        Offer o = c.offer();
        Outcome out = c.outcome();
        Map<String, String> diagnostics = new TreeMap<>(out.diagnostics());
        diagnostics.putIfAbsent(AGENT_REASON, out.code());
        return new ContactUnresolved(EventIds.derive(c.id(), "unresolved", o.seq()), c.id(), out.endedAt(),
                UnresolvedReason.AGENT_ESCALATED, o.agentId(), c.queueId(), c.tier(), c.channel(), c.customer(),
                c.language(), c.category(), c.priority(), c.subject(), out.notes(), diagnostics,
                c.escalations(), c.caseId(), c.repeatOf(), o.acceptedAt(), millis(o.acceptedAt(), out.endedAt()), 0);
    }

    public static WrapUpEnded wrapUpEnded(String contactId, WrapUp w, Instant endedAt) {
        return new WrapUpEnded(EventIds.derive(contactId, "wrap-up-ended", w.seq()), contactId, endedAt,
                w.agentId(), w.queueId(), w.tier(), w.channel(), w.outcome(), w.acceptedAt(), w.handlingEndedAt(),
                w.talkMillis(), 0, millis(w.handlingEndedAt(), endedAt));
    }

    public static AgentPresenceChanged presence(Agent a) {
        return new AgentPresenceChanged(EventIds.derive(a.id(), "presence", a.statusSeq()), a.id(),
                a.statusChangedAt(), a.status(), a.previousStatus(), SET_BY_AGENT);
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
