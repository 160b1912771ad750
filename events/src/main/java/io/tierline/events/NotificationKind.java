package io.tierline.events;

/** What a customer notification tells the customer. */
public enum NotificationKind {
    ESCALATED, WITH_SPECIALIST, RESOLVED
}
