package io.tierline.intake;

/** Whether the broker acknowledged the contact's {@code ContactReceived} event yet. */
public enum PublishState {
    /** Stored, event not acknowledged yet (or the publish failed): it will be re-published, same eventId. */
    PENDING,
    /** The broker acknowledged the event. */
    PUBLISHED,
    /**
     * Held for self-service: not to be published before {@code queueAt}. Released (to PENDING, then published)
     * by {@code POST /contacts/{id}/queue} or by the re-publisher once due; never published if it is deflected
     * or abandoned during the hold.
     */
    HELD
}
