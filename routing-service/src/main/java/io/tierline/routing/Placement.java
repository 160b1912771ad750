package io.tierline.routing;

import java.time.Instant;

/** A contact put in a queue: which, at what tier, why, when, and by which event. */
public record Placement(String queueId, int tier, String reason, Instant queuedAt, String arrivalEventId) {
}
