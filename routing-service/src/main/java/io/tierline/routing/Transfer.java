package io.tierline.routing;

import java.time.Instant;

/** The agent of offer {@code seq} transferred the contact from one queue to another. */
public record Transfer(String agentId, int seq, String fromQueueId, int fromTier, String toQueueId, int toTier,
        Instant at, long talkMillis, long holdMillis) {
}
