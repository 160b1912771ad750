package io.tierline.routing;

import java.time.Instant;

/** An agent declined offer {@code seq} of a contact; the agent is not offered that contact again. */
public record Decline(String agentId, int seq, String queueId, int tier, Instant at) {
}
