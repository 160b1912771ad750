package io.tierline.events;

/**
 * What a {@link CustomerNotified} tells the customer: escalated to a higher tier; picked up by a specialist;
 * taking longer than the tier's pick-up target; reopened by a repeat contact; handed to engineering; resolved.
 */
public enum NotificationKind {
    ESCALATED, WITH_SPECIALIST, DELAYED, REOPENED, WITH_ENGINEERING, RESOLVED
}
