package io.tierline.events;

import java.time.Instant;

/** A status update for the customer, for the channel gateways to deliver. */
public record CustomerNotified(
        String eventId,
        String contactId,
        Instant occurredAt,
        String customerId,
        String caseId,
        NotificationKind kind,
        String message,
        Instant expectedResponseBy) implements TierlineEvent {

    @Override
    public String key() {
        return contactId;
    }
}
