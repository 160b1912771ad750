package io.tierline.routing;

/** How a queue orders the agents that could take a contact. */
public enum Strategy {
    /** The agent idle longest (least recently offered work or freed) first. */
    LONGEST_IDLE,
    /** The agent with the lowest share of its capacity in use first. */
    LEAST_OCCUPIED,
    /** The agent with the highest levels in the queue's skills first. */
    BEST_SKILL
}
