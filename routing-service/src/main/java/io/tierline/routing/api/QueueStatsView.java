package io.tierline.routing.api;

/** {@code GET /queues/{queueId}/stats}. */
public record QueueStatsView(String queueId, long depth, long longestWaitSeconds, long eligibleAgents,
        long availableAgents) {
}
