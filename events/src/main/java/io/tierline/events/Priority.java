package io.tierline.events;

/** Contact priority, lowest first: {@code compareTo} orders by urgency. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** One step more urgent, saturating at {@link #URGENT}. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
