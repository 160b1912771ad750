package io.tierline.metrics.kpi;

import java.time.Duration;

/**
 * Service level: contacts answered within the threshold over contacts counted, with a configurable rule for
 * abandoned contacts (KPIS.md). Each method returns the contribution of one contact as a {@link Ratio};
 * {@link Ratio#ZERO} when the contact is not counted at all.
 *
 * @param threshold    T: a wait {@code <= T} is within the service level
 * @param shortAbandon S: an abandon with a wait {@code < S} is short
 */
public record ServiceLevel(Duration threshold, Duration shortAbandon, AbandonRule rule) {

    /** What abandoned contacts do to the service level. */
    public enum AbandonRule {
        /** Short abandons are not counted; the others count against (denominator only). */
        IGNORE_SHORT,
        /** Every abandon counts against (denominator only). */
        AGAINST,
        /** Every abandon is counted; one within the threshold counts as met. */
        FOR
    }

    public ServiceLevel {
        if (threshold.isNegative() || shortAbandon.isNegative() || rule == null) {
            throw new IllegalArgumentException("service level needs a non-negative threshold and short abandon and a rule");
        }
    }

    /** A contact answered after {@code waitMillis} in the queue. */
    public Ratio answered(long waitMillis) {
        requireWait(waitMillis);
        return Ratio.of(waitMillis <= threshold.toMillis());
    }

    /** A contact abandoned after waiting {@code waitMillis}. */
    public Ratio abandoned(long waitMillis) {
        requireWait(waitMillis);
        boolean isShort = waitMillis < shortAbandon.toMillis();
        return switch (rule) {
            case IGNORE_SHORT -> isShort ? Ratio.ZERO : Ratio.MISS;
            case AGAINST -> Ratio.MISS;
            case FOR -> Ratio.of(waitMillis <= threshold.toMillis());
        };
    }

    private static void requireWait(long waitMillis) {
        if (waitMillis < 0) {
            throw new IllegalArgumentException("a wait cannot be negative: " + waitMillis);
        }
    }
}
