package io.tierline.metrics.streams;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN when the KPI topology has stopped or failed (state NOT_RUNNING, PENDING_ERROR or ERROR). */
@Readiness
@ApplicationScoped
public class KpiStreamsHealth implements HealthCheck {

    private final KpiStreams kpiStreams;

    public KpiStreamsHealth(KpiStreams kpiStreams) {
        this.kpiStreams = kpiStreams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams streams = kpiStreams.streams();
        KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
        boolean up = state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING
                || state == KafkaStreams.State.RUNNING;
        return HealthCheckResponse.named("kpi-streams").status(up).withData("state", state.name()).build();
    }
}
