package io.tierline.intake;

import io.tierline.events.Priority;

/**
 * A validated request of a gateway to take in a contact.
 *
 * @param idempotencyKey    the gateway's {@code Idempotency-Key}
 * @param requestHash       a hash of the canonical request: the same key with another hash is a misuse
 * @param requestedCategory the category the gateway asked for, or null
 * @param requestedPriority the priority the gateway asked for, or null
 */
public record ContactSubmission(String idempotencyKey, String requestHash, ContactContent content,
        String requestedCategory, Priority requestedPriority) {
}
