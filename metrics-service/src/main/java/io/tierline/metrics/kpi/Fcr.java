package io.tierline.metrics.kpi;

/**
 * First-contact resolution: contacts an agent resolved at first contact (tier 1, no escalation, no transfer)
 * over contacts resolved by agents. {@code value} is null when nothing was resolved.
 */
public record Fcr(Double value, long numerator, long denominator) {

    public Fcr {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("FCR needs 0 <= numerator <= denominator, got "
                    + numerator + "/" + denominator);
        }
    }

    public static Fcr of(long firstContactResolved, long resolved) {
        Double value = resolved == 0 ? null : (double) firstContactResolved / resolved;
        return new Fcr(value, firstContactResolved, resolved);
    }
}
