package io.tierline.metrics.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.config.MetricsConfig;
import io.tierline.metrics.streams.KpiState;
import io.tierline.metrics.streams.KpiStateUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import io.tierline.metrics.kpi.QueueWaits;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The current PT15M window of every KPI as the gauge {@code tierline_kpi{kpi, dimension, value}} in
 * {@code /q/metrics}, per dimension all, queue, channel and tier (never agent, nor category: gateways may send any category), e.g.
 * {@code tierline_kpi{kpi="fcr",dimension="queue",value="l1-chat"}}; {@code dimension="all",value="all"} for
 * all. Also {@code tierline_queue_depth{queue}} and {@code tierline_queue_longest_wait_seconds{queue}} now.
 * Refreshed from the stores every publish interval; NaN while undefined. At most
 * {@code tierline.metrics.gauges.max-series} series.
 */
@ApplicationScoped
public class KpiGauges {

    private static final Logger LOG = Logger.getLogger(KpiGauges.class);

    public static final KpiWindow WINDOW = KpiWindow.PT15M;

    private final MeterRegistry registry;
    private final KpiState state;
    private final MetricsConfig config;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Double> current = Map.of();

    public KpiGauges(MeterRegistry registry, KpiState state, MetricsConfig config, Clock clock) {
        this.registry = registry;
        this.state = state;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "kpi-gauges", every = "${tierline.metrics.publish-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<KpiSnapshot> snapshots;
        List<QueueWaits.QueueWait> queues;
        try {
            Instant now = clock.instant();
            snapshots = state.all(WINDOW, now);
            queues = state.queues(now);
        } catch (KpiStateUnavailableException e) {
            LOG.debugf("gauges not refreshed: %s", e.getMessage());
            return;
        }
        Map<String, Double> values = new HashMap<>();
        for (QueueWaits.QueueWait q : queues) {
            values.put("depth|" + q.queueId(), (double) q.depth());
            values.put("wait|" + q.queueId(), q.longestWaitSeconds());
            register("depth|" + q.queueId(), () -> Gauge.builder("tierline.queue.depth", this,
                    g -> g.current.getOrDefault("depth|" + q.queueId(), 0.0))
                    .description("Contacts waiting in the queue now").tag("queue", q.queueId()));
            register("wait|" + q.queueId(), () -> Gauge.builder("tierline.queue.longest.wait.seconds", this,
                    g -> g.current.getOrDefault("wait|" + q.queueId(), 0.0))
                    .description("How long the longest waiting contact of the queue has waited").tag("queue", q.queueId()));
        }
        for (KpiSnapshot s : snapshots) {
            if (!s.dimension().startsWith("agent=") && !s.dimension().startsWith("category=")) {
                String series = s.kpi() + "|" + s.dimension();
                values.put(series, s.value() == null ? Double.NaN : s.value());
                register(series, () -> kpiGauge(series, s.kpi(), s.dimension()));
            }
        }
        current = values;
    }

    private void register(String series, Supplier<Gauge.Builder<KpiGauges>> gauge) {
        if (registered.contains(series)) {
            return;
        }
        if (registered.size() >= config.gauges().maxSeries()) {
            LOG.warnf("not adding the gauge of %s: already %d series", series, registered.size());
            return;
        }
        gauge.get().register(registry);
        registered.add(series);
    }

    private Gauge.Builder<KpiGauges> kpiGauge(String series, String kpi, String dimension) {
        int eq = dimension.indexOf('=');
        String name = eq < 0 ? dimension : dimension.substring(0, eq);
        String value = eq < 0 ? dimension : dimension.substring(eq + 1);
        return Gauge.builder("tierline.kpi", this, g -> g.current.getOrDefault(series, Double.NaN))
                .description("The KPI over the current UTC-aligned " + WINDOW + " window")
                .tag("kpi", kpi).tag("dimension", name).tag("value", value).tag("window", WINDOW.name());
    }
}
