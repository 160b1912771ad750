package io.tierline.events;

import java.time.Instant;

/** An agent's status changed. Keyed by agentId. */
public record AgentPresenceChanged(
        String eventId,
        String agentId,
        Instant occurredAt,
        AgentStatus status,
        AgentStatus previousStatus,
        String reason) implements TierlineEvent {

    @Override
    public String key() {
        return agentId;
    }
}
