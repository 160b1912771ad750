package io.tierline.metrics.streams;

import io.tierline.events.Topics;
import java.util.List;

/** The KPI names of the streamed snapshots ({@code KpiSnapshot.kpi}) and the topic each one goes to. */
public final class Kpis {

    public static final String FCR = "fcr";
    public static final String AHT = "aht";
    public static final String ASA = "asa";
    public static final String SERVICE_LEVEL = "service-level";
    public static final String ABANDONMENT = "abandonment";
    public static final String ESCALATION = "escalation";
    public static final String CSAT = "csat";
    /** Published next to {@link #CSAT} on {@code kpi.csat}, from the same tally. */
    public static final String CSAT_MEAN = "csat-mean";
    /** FCR that also requires no repeat contact within the repeat window (provisional until it passes). */
    public static final String FCR_7D = "fcr-7d";
    /** Occupied time over staffed time, per agent and over all agents. */
    public static final String OCCUPANCY = "occupancy";
    /** Mean QA evaluation score; kept in the state (REST, gauges), not published: the catalogue has no kpi.qa topic. */
    public static final String QA = "qa";
    /**
     * L0 deflection rate: contacts deflected over contacts received, at their arrival; kept in the state (REST,
     * gauges), not published: the catalogue has no kpi.deflection topic.
     */
    public static final String DEFLECTION = "deflection";

    /** Every KPI kept in the window stores (and so answered by {@code GET /kpis}). */
    public static final List<String> ALL = List.of(FCR, FCR_7D, AHT, ASA, SERVICE_LEVEL, ABANDONMENT, ESCALATION, CSAT,
            OCCUPANCY, QA, DEFLECTION);

    private Kpis() {
    }

    /** Whether the KPI's snapshots are published on a {@code kpi.*} topic. */
    public static boolean published(String kpi) {
        return !QA.equals(kpi) && !DEFLECTION.equals(kpi);
    }

    public static String topic(String kpi) {
        return switch (kpi) {
            case FCR, FCR_7D -> Topics.KPI_FCR;
            case AHT -> Topics.KPI_AHT;
            case ASA -> Topics.KPI_ASA;
            case SERVICE_LEVEL -> Topics.KPI_SERVICE_LEVEL;
            case ABANDONMENT -> Topics.KPI_ABANDONMENT;
            case ESCALATION -> Topics.KPI_ESCALATION;
            case CSAT, CSAT_MEAN -> Topics.KPI_CSAT;
            case OCCUPANCY -> Topics.KPI_OCCUPANCY;
            default -> throw new IllegalArgumentException("no topic for KPI " + kpi);
        };
    }

    /** Duration KPIs carry a distribution; the others are ratios. */
    public static boolean isDuration(String kpi) {
        return AHT.equals(kpi) || ASA.equals(kpi);
    }
}
