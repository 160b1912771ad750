package io.tierline.metrics.streams;

/**
 * What one input event adds to one KPI in one dimension: to a ratio ({@code numerator}/{@code denominator}),
 * a duration in milliseconds (AHT, ASA), or a CSAT score. The unit the topology aggregates per window.
 *
 * @param key            {@code kpi|dimension}, e.g. {@code aht|tier=2}
 * @param durationMillis the duration for duration KPIs, else null
 * @param score          the CSAT score (1..5) for CSAT, else 0
 */
public record Contribution(String key, long numerator, long denominator, Long durationMillis, int score) {

    public static String key(String kpi, String dimension) {
        return kpi + "|" + dimension;
    }

    public String kpi() {
        return key.substring(0, key.indexOf('|'));
    }

    public String dimension() {
        return key.substring(key.indexOf('|') + 1);
    }
}
