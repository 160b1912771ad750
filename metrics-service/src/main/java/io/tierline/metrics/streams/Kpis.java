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

    public static final List<String> STREAMED = List.of(FCR, AHT, ASA, SERVICE_LEVEL, ABANDONMENT, ESCALATION, CSAT);

    private Kpis() {
    }

    public static String topic(String kpi) {
        return switch (kpi) {
            case FCR -> Topics.KPI_FCR;
            case AHT -> Topics.KPI_AHT;
            case ASA -> Topics.KPI_ASA;
            case SERVICE_LEVEL -> Topics.KPI_SERVICE_LEVEL;
            case ABANDONMENT -> Topics.KPI_ABANDONMENT;
            case ESCALATION -> Topics.KPI_ESCALATION;
            case CSAT, CSAT_MEAN -> Topics.KPI_CSAT;
            default -> throw new IllegalArgumentException("no topic for KPI " + kpi);
        };
    }

    /** Duration KPIs carry a distribution; the others are ratios. */
    public static boolean isDuration(String kpi) {
        return AHT.equals(kpi) || ASA.equals(kpi);
    }
}
