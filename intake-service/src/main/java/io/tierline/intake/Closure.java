package io.tierline.intake;

import java.time.Instant;

/**
 * How a contact was closed by the customer (its status says whether deflected or abandoned).
 *
 * @param eventId   the id of its {@code ContactDeflected} or {@code ContactAbandoned} event
 * @param articleId the self-service article that solved it (deflections only; may be null)
 */
public record Closure(String eventId, Instant closedAt, String articleId) {
}
