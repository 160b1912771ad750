package io.tierline.escalation;

/** What a case history entry records. */
public enum HistoryKind {
    ESCALATED, ASSIGNED, RESOLVED, NOTE
}
