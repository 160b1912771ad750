package io.tierline.metrics.streams;

/** The KPI window stores cannot be queried now (the topology is starting, rebalancing or failed). */
public class KpiStateUnavailableException extends RuntimeException {

    public KpiStateUnavailableException(String message) {
        super(message);
    }
}
