package io.tierline.metrics.kpi;

/**
 * Customer satisfaction over surveys (scores 1..5): the share of 4 and 5 scores, and the mean score.
 * Mergeable by adding the counts. Both are null when there are no surveys.
 *
 * @param surveys  number of surveys
 * @param satisfied surveys with a score of 4 or 5
 * @param scoreSum sum of all scores
 */
public record Csat(long surveys, long satisfied, long scoreSum) {

    public static final Csat EMPTY = new Csat(0, 0, 0);

    public Csat {
        if (surveys < 0 || satisfied < 0 || satisfied > surveys || scoreSum < surveys || scoreSum > 5 * surveys) {
            throw new IllegalArgumentException("inconsistent CSAT counts: " + surveys + ", " + satisfied + ", " + scoreSum);
        }
    }

    public static boolean validScore(int score) {
        return score >= 1 && score <= 5;
    }

    /** One survey with this score. */
    public static Csat of(int score) {
        if (!validScore(score)) {
            throw new IllegalArgumentException("a CSAT score is 1..5, got " + score);
        }
        return new Csat(1, score >= 4 ? 1 : 0, score);
    }

    public Csat plus(Csat other) {
        return new Csat(Math.addExact(surveys, other.surveys), Math.addExact(satisfied, other.satisfied),
                Math.addExact(scoreSum, other.scoreSum));
    }

    /** The share of scores 4 and 5 as a ratio. */
    public Ratio share() {
        return new Ratio(satisfied, surveys);
    }

    /** The mean score, unrounded; null without surveys. */
    public Double mean() {
        return surveys == 0 ? null : (double) scoreSum / surveys;
    }
}
