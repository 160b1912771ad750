package io.tierline.events;

/**
 * An agent's presence. AVAILABLE, AWAY and OFFLINE are set by the agent; BUSY (at capacity) and WRAP_UP
 * (after-contact work) are derived by routing.
 */
public enum AgentStatus {
    AVAILABLE, AWAY, OFFLINE, BUSY, WRAP_UP
}
