package io.tierline.metrics.streams;

import io.tierline.metrics.kpi.Csat;
import io.tierline.metrics.kpi.DurationDistribution;
import io.tierline.metrics.kpi.Ratio;

/**
 * The running aggregate of one KPI in one dimension and window: a ratio's counts, a duration distribution, or
 * CSAT's sum of scores. Mutable, owned by one state-store entry.
 */
public final class KpiTally {

    long numerator;
    long denominator;
    long scoreSum;
    final DurationDistribution durations;

    public KpiTally() {
        this(0, 0, 0, new DurationDistribution());
    }

    KpiTally(long numerator, long denominator, long scoreSum, DurationDistribution durations) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.scoreSum = scoreSum;
        this.durations = durations;
    }

    public KpiTally add(Contribution c) {
        numerator = Math.addExact(numerator, c.numerator());
        denominator = Math.addExact(denominator, c.denominator());
        scoreSum = Math.addExact(scoreSum, c.score());
        if (c.durationMillis() != null) {
            durations.add(c.durationMillis());
        }
        return this;
    }

    /** Adds every input of {@code other} (a partial sum of the same KPI and dimension); {@code other} is unchanged. */
    public KpiTally merge(KpiTally other) {
        numerator = Math.addExact(numerator, other.numerator);
        denominator = Math.addExact(denominator, other.denominator);
        scoreSum = Math.addExact(scoreSum, other.scoreSum);
        durations.merge(other.durations);
        return this;
    }

    public Ratio ratio() {
        return new Ratio(numerator, denominator);
    }

    public Csat csat() {
        return new Csat(denominator, numerator, scoreSum);
    }

    /** The sum of scores (CSAT 1..5, QA 0..100). */
    public long scoreSum() {
        return scoreSum;
    }

    public DurationDistribution durations() {
        return durations;
    }
}
