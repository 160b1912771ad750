package io.tierline.escalation.policy;

/**
 * Why a contact is escalated, as the policy's rules see it. One unresolved contact can carry several reasons
 * at once (an agent escalated a VIP customer's repeat contact); a rule listing reasons matches if any applies.
 */
public enum Reason {
    /** The agent could not resolve it and escalated. */
    AGENT_ESCALATED,
    /** It waited in its queue past the queue's maximum wait. */
    SLA_BREACH,
    /** It repeats an earlier contact of the same customer and category ({@code repeatOf} is set). */
    REPEAT_CONTACT,
    /** The customer's segment is VIP. */
    VIP,
    /** Its category is one of the policy's {@code specialistCategories}. */
    SPECIALIST_CATEGORY,
    /** The agent reported that the customer asked for a supervisor (diagnostics {@code supervisorRequested=true}). */
    SUPERVISOR_REQUESTED,
    /** The tier's talk plus hold time reached the policy's {@code handleTimeThreshold}. */
    HANDLE_TIME_EXCEEDED
}
