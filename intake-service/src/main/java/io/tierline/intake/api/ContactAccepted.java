package io.tierline.intake.api;

import io.tierline.events.Priority;
import io.tierline.intake.ContactStatus;
import java.time.Instant;
import java.util.List;

/**
 * The 202 answer to {@code POST /contacts}; the same for every repeat of the same request. {@code queueAt}: when
 * a contact held for self-service (status HELD) is queued for routing; null when it is not held.
 */
public record ContactAccepted(
        String contactId,
        ContactStatus status,
        String category,
        Priority priority,
        String language,
        String repeatOf,
        List<SuggestionView> suggestions,
        Instant receivedAt,
        Instant queueAt) {
}
