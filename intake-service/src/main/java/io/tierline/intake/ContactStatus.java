package io.tierline.intake;

/** Where a contact stands as far as intake knows. Later issues add the self-service outcomes. */
public enum ContactStatus {
    RECEIVED
}
