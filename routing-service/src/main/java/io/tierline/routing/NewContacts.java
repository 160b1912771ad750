package io.tierline.routing;

import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactReceived;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;

/** Routing's contact documents as first created from the events that bring a contact in. */
final class NewContacts {
    private NewContacts() {
    }

    /** From intake: PENDING in the chosen queue, or WAITING without one. */
    static Contact fromReceived(ContactReceived e, QueueDecision decision, Instant now) {
        boolean found = decision.found();
        return new Contact(e.contactId(), found ? ContactState.PENDING : ContactState.WAITING, e.channel(),
                e.customer(), e.language(), e.subject(), e.category(), e.priority(), e.repeatOf(), null, 0,
                found ? decision.queue().id() : null, QueueSelector.ENTRY_TIER, decision.reason(), now,
                found ? now : null, e.eventId(), 0, null, null, List.of(), List.of(), List.of(),
                List.of(e.eventId()), null, null, 0, null);
    }

    /** From escalation, for a contact routing has not seen before: PENDING in the event's queue. */
    static Contact fromEscalated(ContactEscalated e, Placement p, Instant now) {
        Priority priority = e.priority() == null ? Priority.NORMAL : e.priority();
        return new Contact(e.contactId(), ContactState.PENDING, e.channel(), e.customer(), e.language(),
                e.subject(), e.category(), priority, e.repeatOf(), e.caseId(), e.escalations(), p.queueId(),
                p.tier(), p.reason(), now, p.queuedAt(), p.arrivalEventId(), 0, null, null, List.of(), List.of(),
                List.of(), List.of(e.eventId()), null, null, 0, null);
    }
}
