package io.tierline.events;

import java.time.Instant;

/** The customer solved it with self-service (L0) before an agent was involved; the contact is closed. */
public record ContactDeflected(
        String eventId,
        String contactId,
        Instant occurredAt,
        String customerId,
        Channel channel,
        String category,
        String articleId,
        Instant receivedAt) implements ContactEvent {
}
