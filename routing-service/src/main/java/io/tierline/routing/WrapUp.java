package io.tierline.routing;

import io.tierline.events.Channel;
import io.tierline.events.HandlingOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * After-contact work of one handling: it holds the agent's capacity until it ends at {@code until} or earlier.
 * {@code holdMillis} is the handling's hold time.
 */
public record WrapUp(
        int seq,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        HandlingOutcome outcome,
        Instant acceptedAt,
        Instant handlingEndedAt,
        Instant until,
        long holdMillis) {

    /** Time with the customer, hold excluded. */
    public long talkMillis() {
        return Math.max(0, Duration.between(acceptedAt, handlingEndedAt).toMillis() - holdMillis);
    }
}
