package io.tierline.metrics.kpi;

/**
 * A ratio KPI as its exact fraction (abandonment, escalation, service level, deflection, CSAT share): mergeable
 * by adding numerators and denominators. {@code value} is null when the denominator is 0.
 */
public record Ratio(long numerator, long denominator) {

    public static final Ratio ZERO = new Ratio(0, 0);
    /** One input that counts in the denominator and the numerator. */
    public static final Ratio HIT = new Ratio(1, 1);
    /** One input that counts in the denominator only. */
    public static final Ratio MISS = new Ratio(0, 1);

    public Ratio {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a ratio needs 0 <= numerator <= denominator, got "
                    + numerator + "/" + denominator);
        }
    }

    public static Ratio of(boolean hit) {
        return hit ? HIT : MISS;
    }

    public Ratio plus(Ratio other) {
        return new Ratio(Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator));
    }

    /** numerator / denominator, unrounded; null when nothing was counted. */
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
