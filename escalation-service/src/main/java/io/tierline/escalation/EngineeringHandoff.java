package io.tierline.escalation;

import java.time.Instant;

/**
 * The case's hand-off to engineering (beyond the top tier): delivered to the engineering webhook by the
 * hand-off sender with retries, and open until engineering's answer is posted.
 *
 * @param handoffId     derived from the escalation that requested it; sent as the webhook's Idempotency-Key
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when the sender tries (again)
 */
public record EngineeringHandoff(String handoffId, State state, int attempts, Instant requestedAt,
        Instant nextAttemptAt, String contactId) {

    public enum State {
        /** Not yet delivered; the sender tries at {@code nextAttemptAt}. */
        PENDING,
        /** The webhook accepted it; waiting for the answer. */
        DELIVERED,
        /** Every attempt failed; a dead-letter record was written. An answer can still be posted. */
        FAILED,
        /** Engineering's answer was posted. */
        ANSWERED
    }

    public boolean awaitingAnswer() {
        return state != State.ANSWERED;
    }
}
