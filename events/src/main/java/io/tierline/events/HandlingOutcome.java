package io.tierline.events;

/** How an agent's handling of a contact ended. */
public enum HandlingOutcome {
    RESOLVED, ESCALATED
}
