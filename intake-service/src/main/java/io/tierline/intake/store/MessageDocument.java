package io.tierline.intake.store;

import java.time.Instant;

/** A message attached to a contact, as stored. */
public record MessageDocument(String eventId, String idempotencyKey, String requestHash, String messageRef,
        String message, Instant addedAt) {

    @Override
    public String toString() {
        return "MessageDocument[eventId=" + eventId + "]";
    }
}
