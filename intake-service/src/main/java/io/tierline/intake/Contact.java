package io.tierline.intake;

import io.tierline.events.Priority;
import java.time.Instant;

/**
 * A contact as intake stores it.
 *
 * @param eventId        the id of its {@code ContactReceived} event, assigned before the first publish so
 *                       that every re-publication carries the same one
 * @param requestHash    the hash of the request that created it (see {@link ContactSubmission})
 * @param repeatOf       the most recent earlier contact of the same customer and category within the
 *                       repeat window, or null
 * @param receivedAt     when intake accepted it, in milliseconds (what the store keeps)
 */
public record Contact(String contactId, String eventId, String idempotencyKey, String requestHash,
        ContactContent content, String category, Priority priority, String repeatOf, ContactStatus status,
        Instant receivedAt, PublishState publishState) {

    public Contact withPublishState(PublishState state) {
        return new Contact(contactId, eventId, idempotencyKey, requestHash, content, category, priority, repeatOf,
                status, receivedAt, state);
    }

    /** Whether it was created by a request with this hash. */
    public boolean createdBy(String hash) {
        return requestHash.equals(hash);
    }
}
