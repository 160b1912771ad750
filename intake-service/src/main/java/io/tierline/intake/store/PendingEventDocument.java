package io.tierline.intake.store;

import java.time.Instant;

/** A follow-up event not acknowledged yet, and since when. */
public record PendingEventDocument(String eventId, Instant since) {
}
