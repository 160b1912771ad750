package io.tierline.routing.api;

import io.tierline.events.AgentStatus;

/** The statuses an agent sets itself (BUSY and WRAP_UP are routing's). */
public enum PresenceStatus {
    AVAILABLE, AWAY, OFFLINE;

    AgentStatus toAgentStatus() {
        return AgentStatus.valueOf(name());
    }
}
