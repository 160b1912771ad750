package io.tierline.metrics.messaging;

import io.tierline.events.ContactResolved;
import io.tierline.events.MalformedEventException;
import io.tierline.events.WrapUpEnded;
import io.tierline.metrics.HandlingFact;
import io.tierline.metrics.ResolutionFact;

/** Events to facts. An event the KPIs cannot use (no time, negative durations) is the record's fault. */
final class EventFacts {

    private EventFacts() {
    }

    static ResolutionFact resolution(ContactResolved e) {
        require(e.occurredAt() != null, e.eventId(), "has no occurredAt");
        require(e.escalations() >= 0 && e.transfers() >= 0, e.eventId(), "has negative escalations or transfers");
        return new ResolutionFact(e.eventId(), e.contactId(), e.occurredAt(), e.agentId(), e.queueId(),
                e.channel(), e.tier(), e.escalations(), e.transfers(), e.firstContactResolution());
    }

    static HandlingFact handling(WrapUpEnded e) {
        require(e.occurredAt() != null, e.eventId(), "has no occurredAt");
        require(e.talkMillis() >= 0 && e.holdMillis() >= 0 && e.wrapUpMillis() >= 0, e.eventId(),
                "has a negative handle-time part");
        return new HandlingFact(e.eventId(), e.contactId(), e.occurredAt(), e.agentId(), e.queueId(),
                e.channel(), e.tier(), e.acceptedAt(), e.talkMillis(), e.holdMillis(), e.wrapUpMillis());
    }

    private static void require(boolean condition, String eventId, String problem) {
        if (!condition) {
            throw new MalformedEventException("event " + eventId + " " + problem);
        }
    }
}
