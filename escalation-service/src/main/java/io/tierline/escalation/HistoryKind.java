package io.tierline.escalation;

/** What a case history entry records. */
public enum HistoryKind {
    ESCALATED, ASSIGNED, RESOLVED, NOTE, SLA_BREACHED, REPEAT_CONTACT, ENGINEERING_HANDOFF, ENGINEERING_HANDOFF_FAILED,
    ENGINEERING_ANSWER
}
