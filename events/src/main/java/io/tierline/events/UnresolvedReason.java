package io.tierline.events;

/** Why a contact left its tier unresolved. */
public enum UnresolvedReason {
    /** The agent could not resolve it and escalated. */
    AGENT_ESCALATED,
    /** It waited in its queue past the queue's maximum wait. */
    SLA_BREACH
}
