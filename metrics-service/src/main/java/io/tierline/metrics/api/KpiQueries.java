package io.tierline.metrics.api;

import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.QueueWaits;
import io.tierline.metrics.streams.Contribution;
import io.tierline.metrics.streams.KpiOwners;
import io.tierline.metrics.streams.KpiState;
import io.tierline.metrics.streams.KpiTopology;
import io.tierline.metrics.streams.Kpis;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The KPI queries over every instance of the service (interactive queries): the window stores are keyed
 * {@code kpi|dimension}, so a query of one key is answered by the instance that owns it (this one reads its own
 * store, another is asked over HTTP), and a query across keys (a breakdown, the queue gauges) gathers the part of
 * every owner. Each key lives on exactly one owner, so the parts are disjoint: windows are concatenated, and the
 * waiting contacts of every part go through the same {@link QueueWaits} arithmetic. With one instance every owner
 * is this one and nothing leaves it.
 *
 * <p>Every method fails (at once or in its future) with {@code KpiStateUnavailableException} while owners move
 * (rebalancing) or one cannot be reached: never a partial answer.
 */
@ApplicationScoped
public class KpiQueries {

    private final KpiState state;
    private final KpiOwners owners;
    private final KpiPeers peers;

    public KpiQueries(KpiState state, KpiOwners owners, KpiPeers peers) {
        this.state = state;
        this.owners = owners;
        this.peers = peers;
    }

    /**
     * {@link KpiState#snapshots}, or with {@code trailing} {@link KpiState#trailing}, of every KPI asked for, each
     * from the instance that owns its key.
     */
    public CompletableFuture<List<KpiSnapshot>> snapshots(List<String> kpis, String dimension, KpiWindow window,
            Instant at, boolean trailing) {
        Map<HostInfo, List<String>> byOwner = new LinkedHashMap<>();
        for (String kpi : kpis) {
            // a trailing window is read from the PT1M windows; a key's windows of every size have the same owner
            byOwner.computeIfAbsent(owners.ownerOf(KpiTopology.storeName(kpi, dimension,
                    trailing ? KpiWindow.PT1M : window), Contribution.key(kpi, dimension)),
                    owner -> new ArrayList<>()).add(kpi);
        }
        List<CompletableFuture<Map<String, List<KpiSnapshot>>>> parts = new ArrayList<>();
        byOwner.forEach((owner, owned) -> parts.add(isSelf(owner)
                ? CompletableFuture.completedFuture(localSnapshots(owned, dimension, window, at, trailing))
                : peers.get(owner, "snapshots", Map.of("kpi", owned, "dimension", dimension, "window", window.name(),
                        "at", at.toString(), "trailing", trailing), KpiPartJson.BY_KPI)));
        return all(parts).thenApply(found -> {
            Map<String, List<KpiSnapshot>> byKpi = new LinkedHashMap<>();
            found.forEach(byKpi::putAll);
            return kpis.stream().flatMap(kpi -> byKpi.getOrDefault(kpi, List.of()).stream()).toList();
        });
    }

    /** This instance's part of {@link #snapshots}, per KPI asked for (what {@code /kpis/local/snapshots} answers). */
    Map<String, List<KpiSnapshot>> localSnapshots(List<String> kpis, String dimension, KpiWindow window, Instant at,
            boolean trailing) {
        Map<String, List<KpiSnapshot>> byKpi = new LinkedHashMap<>();
        for (String kpi : kpis) {
            byKpi.put(kpi, trailing ? state.trailing(List.of(kpi), dimension, window, at)
                    : state.snapshots(List.of(kpi), dimension, window, at));
        }
        return byKpi;
    }

    /** {@link KpiState#series} from the instance that owns the key. */
    public CompletableFuture<List<KpiSnapshot>> series(String kpi, String dimension, KpiWindow window, Instant from,
            Instant to) {
        HostInfo owner = owners.ownerOf(KpiTopology.storeName(kpi, dimension, window), Contribution.key(kpi, dimension));
        return isSelf(owner)
                ? CompletableFuture.completedFuture(state.series(kpi, dimension, window, from, to))
                : peers.get(owner, "series", Map.of("kpi", kpi, "dimension", dimension, "window", window.name(),
                        "from", from.toString(), "to", to.toString()), KpiPartJson.SNAPSHOTS);
    }

    /** {@link KpiState#all}: every owner's part of the window's stores, concatenated. */
    public CompletableFuture<List<KpiSnapshot>> all(KpiWindow window, Instant at) {
        return fromEveryOwner(List.of(KpiTopology.storeName(window), KpiTopology.storeName(Kpis.FCR_7D, window)),
                () -> state.all(window, at),
                owner -> peers.get(owner, "all", Map.of("window", window.name(), "at", at.toString()), KpiPartJson.SNAPSHOTS))
                .thenApply(parts -> parts.stream().flatMap(List::stream).toList());
    }

    /** {@link KpiState#agents}: every owner's part of the agent dimension's stores, concatenated. */
    public CompletableFuture<List<KpiSnapshot>> agents(KpiWindow window, Instant at) {
        return fromEveryOwner(KpiTopology.AGENT_STORES, () -> state.agents(window, at),
                owner -> peers.get(owner, "agents", Map.of("window", window.name(), "at", at.toString()), KpiPartJson.SNAPSHOTS))
                .thenApply(parts -> parts.stream().flatMap(List::stream).toList());
    }

    /** {@link KpiState#queues}: the contacts waiting in every owner's part, then the queue gauges of them all. */
    public CompletableFuture<List<QueueWaits.QueueWait>> queues(Instant now) {
        return fromEveryOwner(List.of(KpiTopology.waitingStoreName()), state::waiting,
                owner -> peers.get(owner, "waiting", Map.of(), KpiPartJson.WAITING)
                        .thenApply(encoded -> encoded.stream().map(QueueWaits.Waiting::decode).toList()))
                .thenApply(parts -> QueueWaits.at(now, parts.stream().flatMap(List::stream).toList()));
    }

    private <T> CompletableFuture<List<T>> fromEveryOwner(List<String> stores, java.util.function.Supplier<T> local,
            Function<HostInfo, CompletableFuture<T>> remote) {
        List<CompletableFuture<T>> parts = new ArrayList<>();
        for (HostInfo owner : owners.ownersOf(stores.toArray(String[]::new))) {
            parts.add(isSelf(owner) ? CompletableFuture.completedFuture(local.get()) : remote.apply(owner));
        }
        return all(parts);
    }

    private boolean isSelf(HostInfo owner) {
        return owners.self().equals(owner);
    }

    private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toList());
    }
}
