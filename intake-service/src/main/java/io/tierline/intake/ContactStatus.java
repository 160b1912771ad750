package io.tierline.intake;

/** Where a contact stands as far as intake knows. */
public enum ContactStatus {
    /** Taken in and open: routed, waiting or being handled. */
    RECEIVED,
    /** Taken in and held for self-service (L0) until its {@code queueAt}: not published for routing yet. */
    HELD,
    /** Closed: the customer solved it with self-service (L0). */
    DEFLECTED,
    /** Closed: the customer hung up or left before an agent answered. */
    ABANDONED;

    /** Whether further messages may still attach to it (not deflected or abandoned). */
    public boolean isOpen() {
        return this == RECEIVED;
    }
}
