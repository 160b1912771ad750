package io.tierline.intake;

/** Whether the broker acknowledged the contact's {@code ContactReceived} event yet. */
public enum PublishState {
    /** Stored, event not acknowledged yet (or the publish failed): it will be re-published, same eventId. */
    PENDING,
    /** The broker acknowledged the event. */
    PUBLISHED
}
