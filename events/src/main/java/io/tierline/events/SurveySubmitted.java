package io.tierline.events;

import java.time.Instant;

/** The customer's satisfaction score (CSAT 1..5) for a contact; at most one per contact. */
public record SurveySubmitted(
        String eventId,
        String contactId,
        Instant occurredAt,
        String customerId,
        Channel channel,
        String category,
        int score,
        String comment) implements ContactEvent {
}
