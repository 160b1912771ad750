package io.tierline.events;

import java.time.Instant;

/**
 * The customer hung up or left before an agent answered. Routing takes the contact off its queue; metrics
 * counts it, with the wait from {@code receivedAt} to {@code occurredAt}.
 */
public record ContactAbandoned(
        String eventId,
        String contactId,
        Instant occurredAt,
        String customerId,
        Channel channel,
        String category,
        Instant receivedAt) implements ContactEvent {
}
