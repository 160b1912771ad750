package io.tierline.metrics.messaging;

import io.quarkus.scheduler.Scheduled;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.KpiReports;
import io.tierline.metrics.api.KpiGauges;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Every {@code tierline.metrics.publish-interval}: refreshes the P1D gauges from the stored facts (trailing
 * window). The {@code kpi.*} topics are written by the Kafka Streams topology ({@code streams.KpiTopology}).
 */
@ApplicationScoped
public class KpiPublisherJob {

    private final KpiReports reports;
    private final KpiGauges gauges;
    private final Clock clock;

    public KpiPublisherJob(KpiReports reports, KpiGauges gauges, Clock clock) {
        this.reports = reports;
        this.gauges = gauges;
        this.clock = clock;
    }

    @Scheduled(identity = "kpi-gauges", every = "${tierline.metrics.publish-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        gauges.update(reports.trailing(KpiGauges.WINDOW, KpiFilter.ALL, clock.instant()));
    }
}
