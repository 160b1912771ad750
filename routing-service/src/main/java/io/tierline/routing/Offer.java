package io.tierline.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * The contact's current offer to an agent, and once accepted its assignment (one handling).
 *
 * @param seq            numbers the offers of one contact (1, 2, ...); the events of this offer derive their ids from it
 * @param expiresAt      when the offer times out unless accepted
 * @param announced      whether ContactOffered was acknowledged by the broker (if not, it is published again)
 * @param heldAt         when the current hold began, or null if the customer is not on hold
 * @param holdMillis     the finished holds of this handling, summed
 * @param holdSeq        how many holds this handling had; ContactHeld/ContactResumed derive their ids from it
 * @param lastHoldMillis the length of the last finished hold (what its ContactResumed reported)
 * @param lastResumedAt  when the last hold ended
 */
public record Offer(String agentId, int seq, Instant offeredAt, Instant expiresAt, Instant acceptedAt,
        boolean announced, Instant heldAt, long holdMillis, int holdSeq, long lastHoldMillis, Instant lastResumedAt) {

    public Offer(String agentId, int seq, Instant offeredAt, Instant expiresAt) {
        this(agentId, seq, offeredAt, expiresAt, null, false, null, 0, 0, 0, null);
    }

    public boolean accepted() {
        return acceptedAt != null;
    }

    public boolean onHold() {
        return heldAt != null;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** All hold time of this handling up to {@code at}, including a hold still running. */
    public long holdMillisAt(Instant at) {
        return holdMillis + (heldAt == null ? 0 : Math.max(0, Duration.between(heldAt, at).toMillis()));
    }

    /** Time with the customer, hold excluded, from acceptance to {@code at}. */
    public long talkMillisAt(Instant at) {
        return Math.max(0, Duration.between(acceptedAt, at).toMillis() - holdMillisAt(at));
    }
}
