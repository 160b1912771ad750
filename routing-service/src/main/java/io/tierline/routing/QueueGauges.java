package io.tierline.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import io.tierline.routing.store.QueueStore;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * Live gauges per queue in {@code /q/metrics}, tagged {@code queue}: {@code tierline.routing.queue.depth},
 * {@code .longest.wait.seconds}, {@code .eligible.agents}, {@code .available.agents}. The figures are those of
 * {@code GET /queues/{id}/stats}, refreshed from the store every {@code tierline.routing.gauge-refresh}, so a
 * scrape never waits on the store.
 */
@Singleton
public class QueueGauges {

    private static final Logger LOG = Logger.getLogger(QueueGauges.class);

    private final QueueStore queues;
    private final QueueAdmin admin;
    private final MeterRegistry registry;
    private final Map<String, QueueStats> latest = new ConcurrentHashMap<>();

    public QueueGauges(QueueStore queues, QueueAdmin admin, MeterRegistry registry) {
        this.queues = queues;
        this.admin = admin;
        this.registry = registry;
    }

    @Scheduled(every = "${tierline.routing.gauge-refresh:5s}", delayed = "1s", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            for (RoutingQueue queue : queues.all()) {
                QueueStats stats = admin.stats(queue.id());
                if (latest.put(queue.id(), stats) == null) {
                    register(queue.id());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("queue gauges not refreshed, next run retries: %s", e.getMessage());
        }
    }

    private void register(String queueId) {
        gauge("tierline.routing.queue.depth", queueId, QueueStats::depth, "contacts waiting in the queue");
        gauge("tierline.routing.queue.longest.wait.seconds", queueId, QueueStats::longestWaitSeconds,
                "how long the longest waiting contact has waited");
        gauge("tierline.routing.queue.eligible.agents", queueId, QueueStats::eligibleAgents,
                "agents who could serve the queue");
        gauge("tierline.routing.queue.available.agents", queueId, QueueStats::availableAgents,
                "of those, AVAILABLE with free capacity now");
    }

    private void gauge(String name, String queueId, ToDoubleFunction<QueueStats> figure, String description) {
        Gauge.builder(name, latest, m -> {
            QueueStats stats = m.get(queueId);
            return stats == null ? Double.NaN : figure.applyAsDouble(stats);
        }).tags(Tags.of("queue", queueId)).description(description).register(registry);
    }
}
