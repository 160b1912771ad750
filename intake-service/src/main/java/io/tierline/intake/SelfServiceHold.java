package io.tierline.intake;

import java.time.Duration;

/**
 * How long a new contact is held for self-service before it is published for routing: what the gateway asked
 * for (capped at the maximum), else the default. Zero means not held.
 */
public final class SelfServiceHold {

    private final Duration byDefault;
    private final Duration maximum;

    public SelfServiceHold(Duration byDefault, Duration maximum) {
        if (byDefault.isNegative() || maximum.isNegative()) {
            throw new IllegalArgumentException("self-service hold settings must not be negative");
        }
        this.byDefault = byDefault;
        this.maximum = maximum;
    }

    /** @param requested the gateway's request (not negative), or null */
    public Duration holdFor(Duration requested) {
        Duration hold = requested == null ? byDefault : requested;
        return hold.compareTo(maximum) > 0 ? maximum : hold;
    }
}
