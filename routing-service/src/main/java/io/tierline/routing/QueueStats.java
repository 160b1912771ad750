package io.tierline.routing;

import java.time.Instant;

/**
 * A queue's live figures.
 *
 * @param depth           contacts waiting in it (queued, not yet offered)
 * @param eligibleAgents  agents of its tier and a language of it with capacity for one of its channels
 * @param availableAgents those of them AVAILABLE with free capacity now
 */
public record QueueStats(long depth, long longestWaitSeconds, long eligibleAgents, long availableAgents) {

    public static long waitSeconds(Instant oldestQueuedAt, Instant now) {
        return oldestQueuedAt == null ? 0 : Math.max(0, now.getEpochSecond() - oldestQueuedAt.getEpochSecond());
    }
}
