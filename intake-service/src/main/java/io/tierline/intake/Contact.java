package io.tierline.intake;

import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A contact as intake stores it.
 *
 * @param eventId        the id of its {@code ContactReceived} event, assigned before the first publish so
 *                       that every re-publication carries the same one
 * @param requestHash    the hash of the request that created it (see {@link ContactSubmission})
 * @param repeatOf       the most recent earlier contact of the same customer and category within the
 *                       repeat window, or null
 * @param receivedAt     when intake accepted it, in milliseconds (what the store keeps)
 * @param publishState   whether its {@code ContactReceived} was acknowledged
 * @param closure        how the customer closed it (status DEFLECTED or ABANDONED), or null while open
 * @param survey         the customer's survey, or null
 * @param messages       further messages attached to it (email replies), oldest first
 * @param pendingEvents  the ids of its follow-up events (closure, survey, messages) not acknowledged yet
 * @param queueAt        while it is (or was) held for self-service: when the hold ends and it is published
 *                       for routing; null when it was never held
 */
public record Contact(String contactId, String eventId, String idempotencyKey, String requestHash,
        ContactContent content, String category, Priority priority, String repeatOf, ContactStatus status,
        Instant receivedAt, PublishState publishState, Closure closure, Survey survey, List<AddedMessage> messages,
        Set<String> pendingEvents, Instant queueAt) {

    public Contact {
        messages = messages == null ? List.of() : List.copyOf(messages);
        pendingEvents = pendingEvents == null ? Set.of() : Set.copyOf(pendingEvents);
    }

    /** A contact as taken in: open, without closure, survey or further messages. */
    public Contact(String contactId, String eventId, String idempotencyKey, String requestHash,
            ContactContent content, String category, Priority priority, String repeatOf, ContactStatus status,
            Instant receivedAt, PublishState publishState) {
        this(contactId, eventId, idempotencyKey, requestHash, content, category, priority, repeatOf, status,
                receivedAt, publishState, null, null, List.of(), Set.of(), null);
    }

    public Contact withPublishState(PublishState state) {
        return new Contact(contactId, eventId, idempotencyKey, requestHash, content, category, priority, repeatOf,
                status, receivedAt, state, closure, survey, messages, pendingEvents, queueAt);
    }

    /** Held for self-service until {@code queueAt}: stored, answered, not yet published for routing. */
    public Contact heldUntil(Instant until) {
        return new Contact(contactId, eventId, idempotencyKey, requestHash, content, category, priority, repeatOf,
                ContactStatus.HELD, receivedAt, PublishState.HELD, closure, survey, messages, pendingEvents, until);
    }

    /** Whether it was created by a request with this hash. */
    public boolean createdBy(String hash) {
        return requestHash.equals(hash);
    }

    /** The attached message of this idempotency key, if any. */
    public Optional<AddedMessage> messageByKey(String key) {
        return messages.stream().filter(m -> m.idempotencyKey().equals(key)).findFirst();
    }
}
