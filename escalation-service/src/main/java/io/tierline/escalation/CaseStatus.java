package io.tierline.escalation;

/** Where a case stands: open until a resolve at any tier closes it. */
public enum CaseStatus {
    OPEN, RESOLVED
}
