package io.tierline.metrics.messaging;

import io.quarkus.scheduler.Scheduled;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.KpiReport;
import io.tierline.metrics.KpiReports;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.api.KpiGauges;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every {@code tierline.metrics.publish-interval}: computes the P1D and PT1H snapshots over all contacts,
 * refreshes the P1D gauges, and publishes each snapshot to {@code kpi.fcr} and {@code kpi.aht} if it changed.
 */
@ApplicationScoped
public class KpiPublisherJob {

    static final List<KpiWindow> WINDOWS = List.of(KpiWindow.P1D, KpiWindow.PT1H);

    private final KpiReports reports;
    private final KpiGauges gauges;
    private final Clock clock;
    private final SnapshotPublication publication;

    public KpiPublisherJob(KpiReports reports, KpiGauges gauges, Clock clock, KpiSnapshotSender sender) {
        this.reports = reports;
        this.gauges = gauges;
        this.clock = clock;
        this.publication = new SnapshotPublication(sender::sendAndAwait);
    }

    @Scheduled(identity = "kpi-publisher", every = "${tierline.metrics.publish-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = clock.instant();
        for (KpiWindow window : WINDOWS) {
            KpiReport report = reports.trailing(window, KpiFilter.ALL, now);
            if (window == KpiGauges.WINDOW) {
                gauges.update(report);
            }
            publication.publishIfChanged(KpiSnapshots.fcr(report));
            publication.publishIfChanged(KpiSnapshots.aht(report));
        }
    }
}
