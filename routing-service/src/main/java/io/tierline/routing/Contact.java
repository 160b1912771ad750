package io.tierline.routing;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A contact as routing keeps it: what it is about, where it is queued, its current offer and the wrap-ups
 * of earlier handlings that still hold an agent's capacity.
 *
 * @param queueId        the queue it is (or was last) in; null while WAITING
 * @param reason         why this queue, or why none
 * @param queuedAt       when it entered its current queue (kept across a decline: it keeps its place)
 * @param arrivalEventId the event that put it in its current queue; ContactQueued derives its id from it
 * @param offerSeq       how many offers it has had
 * @param excluded       agents that declined it
 * @param appliedEvents  ids of the incoming events already applied
 * @param lapse          an offer timed out whose consequences are not all done yet, or null
 * @param withdrawal     why and when it left its queue unhandled (state WITHDRAWN), or null
 * @param transfers      how many times agents transferred it to another queue
 * @param lastTransfer   the latest transfer, or null
 */
public record Contact(
        String id,
        ContactState state,
        Channel channel,
        Customer customer,
        String language,
        String subject,
        String category,
        Priority priority,
        String repeatOf,
        String caseId,
        int escalations,
        String queueId,
        int tier,
        String reason,
        Instant receivedAt,
        Instant queuedAt,
        String arrivalEventId,
        int offerSeq,
        Offer offer,
        Outcome outcome,
        List<String> excluded,
        List<Decline> declines,
        List<WrapUp> wrapUps,
        List<String> appliedEvents,
        OfferLapse lapse,
        Withdrawal withdrawal,
        int transfers,
        Transfer lastTransfer) {

    public Contact {
        priority = priority == null ? Priority.NORMAL : priority;
        excluded = List.copyOf(excluded);
        declines = List.copyOf(declines);
        wrapUps = List.copyOf(wrapUps);
        appliedEvents = List.copyOf(appliedEvents);
    }

    public String customerId() {
        return customer == null ? null : customer.id();
    }

    public String agentId() {
        return offer == null ? null : offer.agentId();
    }

    public boolean offeredTo(String agent) {
        return state == ContactState.OFFERED && agent.equals(agentId());
    }

    public boolean assignedTo(String agent) {
        return state == ContactState.ASSIGNED && agent.equals(agentId());
    }

    public boolean applied(String eventId) {
        return appliedEvents.contains(eventId);
    }

    public Optional<Decline> declineBy(String agent) {
        return declines.stream().filter(d -> d.agentId().equals(agent)).findFirst();
    }

    public List<WrapUp> wrapUpsOf(String agent) {
        return wrapUps.stream().filter(w -> w.agentId().equals(agent)).toList();
    }
}
