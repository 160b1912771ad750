package io.tierline.metrics.streams;

import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.QueueWaits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the KPI windows from the topology's window stores (interactive queries): the same tallies, turned into
 * snapshots by the same {@link WindowSnapshots}, as the {@code kpi.*} topics carry. This instance's part of the
 * stores only (the partitions it owns); {@code KpiQueries} adds the other instances' parts.
 */
@ApplicationScoped
public class KpiState {

    private final KpiStreams kpiStreams;

    public KpiState(KpiStreams kpiStreams) {
        this.kpiStreams = kpiStreams;
    }

    /** The start of the UTC-aligned window of this size that contains {@code at}. */
    public static Instant windowStart(KpiWindow window, Instant at) {
        return Instant.ofEpochMilli(window.startOf(at.toEpochMilli()));
    }

    /** The start of the trailing window of this size that ends with the UTC minute containing {@code at}. */
    public static Instant trailingStart(KpiWindow window, Instant at) {
        return windowStart(KpiWindow.PT1M, at).plus(KpiWindow.PT1M.length()).minus(window.length());
    }

    /**
     * The snapshots of these KPIs in this dimension for the window containing {@code at}; a KPI with nothing
     * counted there gets an empty snapshot (value null, counts 0).
     *
     * @throws KpiStateUnavailableException while the stores cannot be queried (starting, rebalancing, failed)
     */
    public List<KpiSnapshot> snapshots(List<String> kpis, String dimension, KpiWindow window, Instant at) {
        Instant start = windowStart(window, at);
        return snapshots(kpis, dimension, window, start, (kpi, key) -> KpiTopology.isAgent(dimension)
                ? MinuteWindows.fetch(minutes(KpiTopology.agentStoreName(kpi)), key, window, start)
                : store(kpi, window).fetch(key, start.toEpochMilli()));
    }

    /**
     * The snapshots of these KPIs in this dimension for the trailing window of this size that ends with the minute
     * containing {@code at} (KPIS.md, "Trailing windows"): the merge of its {@code PT1M} windows. Snapshots carry
     * the size as their window and the trailing window's start and end.
     *
     * @throws KpiStateUnavailableException while the stores cannot be queried (starting, rebalancing, failed)
     */
    public List<KpiSnapshot> trailing(List<String> kpis, String dimension, KpiWindow window, Instant at) {
        Instant start = trailingStart(window, at);
        Instant lastMinute = windowStart(KpiWindow.PT1M, at);
        return snapshots(kpis, dimension, window, start, (kpi, key) -> {
            if (KpiTopology.isAgent(dimension)) {
                return MinuteWindows.merged(minutes(KpiTopology.agentStoreName(kpi)), key, KpiWindow.PT1M, start,
                        lastMinute);
            }
            try (var minutes = store(kpi, KpiWindow.PT1M).fetch(key, start, lastMinute)) {
                return MinuteWindows.merged(minutes);
            }
        });
    }

    private List<KpiSnapshot> snapshots(List<String> kpis, String dimension, KpiWindow window, Instant start,
            BiFunction<String, String, ValueAndTimestamp<KpiTally>> read) {
        List<KpiSnapshot> out = new ArrayList<>();
        try {
            for (String kpi : kpis) {
                String key = Contribution.key(kpi, dimension);
                ValueAndTimestamp<KpiTally> found = read.apply(kpi, key);
                KpiTally tally = found == null ? new KpiTally() : found.value();
                Instant occurredAt = found == null ? start : Instant.ofEpochMilli(found.timestamp());
                out.addAll(WindowSnapshots.of(key, window, start, occurredAt, tally));
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
        return out;
    }

    /**
     * Every snapshot of the window containing {@code at}, all KPIs and dimensions counted in it, but the agent
     * dimension ({@link #agents}).
     */
    public List<KpiSnapshot> all(KpiWindow window, Instant at) {
        Instant start = windowStart(window, at);
        List<KpiSnapshot> out = new ArrayList<>();
        try (var entries = store(Kpis.FCR, window).fetchAll(start, start);
                var sevenDay = store(Kpis.FCR_7D, window).fetchAll(start, start)) {
            entries.forEachRemaining(e -> out.addAll(WindowSnapshots.of(e.key.key(), window, start,
                    Instant.ofEpochMilli(e.value.timestamp()), e.value.value())));
            sevenDay.forEachRemaining(e -> out.addAll(WindowSnapshots.of(e.key.key(), window, start,
                    Instant.ofEpochMilli(e.value.timestamp()), e.value.value())));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
        return out;
    }

    /** Every agent's snapshots of the window containing {@code at}, all KPIs counted in it. */
    public List<KpiSnapshot> agents(KpiWindow window, Instant at) {
        Instant start = windowStart(window, at);
        List<KpiSnapshot> out = new ArrayList<>();
        try {
            for (String store : KpiTopology.AGENT_STORES) {
                MinuteWindows.all(minutes(store), window, start).forEach((key, found) -> out.addAll(
                        WindowSnapshots.of(key, window, start, Instant.ofEpochMilli(found.timestamp()), found.value())));
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
        return out;
    }

    /** The snapshots of one KPI in one dimension for every window from the one containing {@code from} to now's. */
    public List<KpiSnapshot> series(String kpi, String dimension, KpiWindow window, Instant from, Instant to) {
        String key = Contribution.key(kpi, dimension);
        List<KpiSnapshot> out = new ArrayList<>();
        if (KpiTopology.isAgent(dimension)) {
            try {
                MinuteWindows.series(minutes(KpiTopology.agentStoreName(kpi)), key, window, windowStart(window, from),
                        windowStart(window, to)).forEach((start, found) -> out.addAll(WindowSnapshots.of(key, window,
                                start, Instant.ofEpochMilli(found.timestamp()), found.value())));
            } catch (InvalidStateStoreException | IllegalStateException e) {
                throw new KpiStateUnavailableException(e.getMessage());
            }
            return out;
        }
        try (var windows = store(kpi, window).fetch(key, windowStart(window, from), windowStart(window, to))) {
            windows.forEachRemaining(w -> out.addAll(WindowSnapshots.of(key, window, Instant.ofEpochMilli(w.key),
                    Instant.ofEpochMilli(w.value.timestamp()), w.value.value())));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
        return out;
    }

    /** The queue gauges now: every queue with a contact waiting, from the topology's store of waiting contacts. */
    public List<QueueWaits.QueueWait> queues(Instant now) {
        return QueueWaits.at(now, waiting());
    }

    /** The contacts waiting now in this instance's part of the store of waiting contacts. */
    public List<QueueWaits.Waiting> waiting() {
        KafkaStreams streams = running();
        List<QueueWaits.Waiting> waiting = new ArrayList<>();
        try (var all = streams.store(StoreQueryParameters.fromNameAndType(WaitingProcessor.STORE,
                QueryableStoreTypes.<String, String>keyValueStore())).all()) {
            all.forEachRemaining(kv -> waiting.add(QueueWaits.Waiting.decode(kv.value)));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
        return waiting;
    }

    private KafkaStreams running() {
        KafkaStreams streams = kpiStreams.streams();
        if (streams == null) {
            throw new KpiStateUnavailableException("the KPI topology has not started");
        }
        return streams;
    }

    /** A store of the agent dimension's minutes. */
    private ReadOnlyWindowStore<String, MinuteTally> minutes(String store) {
        return running().store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.<String, MinuteTally>windowStore()));
    }

    private ReadOnlyWindowStore<String, ValueAndTimestamp<KpiTally>> store(String kpi, KpiWindow window) {
        return running().store(StoreQueryParameters.fromNameAndType(KpiTopology.storeName(kpi, window),
                QueryableStoreTypes.<String, KpiTally>timestampedWindowStore()));
    }
}
