package io.tierline.routing;

import java.time.Instant;

/**
 * The contact's current offer to an agent, and once accepted its assignment.
 *
 * @param seq       numbers the offers of one contact (1, 2, ...); the events of this offer derive their ids from it
 * @param announced whether ContactOffered was acknowledged by the broker (if not, it is published again)
 */
public record Offer(String agentId, int seq, Instant offeredAt, Instant acceptedAt, boolean announced) {

    public boolean accepted() {
        return acceptedAt != null;
    }
}
