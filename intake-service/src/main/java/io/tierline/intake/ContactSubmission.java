package io.tierline.intake;

import io.tierline.events.Priority;

/**
 * A validated request of a gateway to take in a contact.
 *
 * @param idempotencyKey    the gateway's {@code Idempotency-Key}
 * @param requestHash       a hash of the canonical request: the same key with another hash is a misuse
 * @param requestedCategory the category the gateway asked for, or null
 * @param requestedPriority the priority the gateway asked for, or null
 * @param requestedHold     the self-service hold the gateway asked for, or null for the configured default
 */
public record ContactSubmission(String idempotencyKey, String requestHash, ContactContent content,
        String requestedCategory, Priority requestedPriority, java.time.Duration requestedHold) {

    /** A submission that asks for no particular hold. */
    public ContactSubmission(String idempotencyKey, String requestHash, ContactContent content,
            String requestedCategory, Priority requestedPriority) {
        this(idempotencyKey, requestHash, content, requestedCategory, requestedPriority, null);
    }
}
