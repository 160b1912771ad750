package io.tierline.routing;

import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.store.QueueStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queues as matching reads them: the whole list, read from the store at most once per
 * {@code tierline.routing.queue-refresh} instead of on every arrival, offer and freed agent. A queue this
 * instance writes is seen at once; one another instance writes, within the refresh interval. A queue asked for
 * by id that the copy does not hold, and an arrival that fits none of the copy's queues, read the store again
 * first, so a new queue is never missed, only a changed one is seen late.
 */
@Singleton
public class QueueCatalog {

    private final QueueStore store;
    private final long refreshNanos;
    private volatile Copy copy;

    @Inject
    public QueueCatalog(QueueStore store, RoutingConfig config) {
        this(store, config.queueRefresh());
    }

    QueueCatalog(QueueStore store, Duration refresh) {
        this.store = store;
        this.refreshNanos = refresh.toNanos();
    }

    public List<RoutingQueue> all() {
        return current().all();
    }

    public List<RoutingQueue> ofTier(int tier) {
        return current().ofTier(tier);
    }

    /** The same, from a fresh read of the store. */
    public List<RoutingQueue> ofTierFresh(int tier) {
        return reload().ofTier(tier);
    }

    /** The queue, reading the store again if the copy does not have it. */
    public Optional<RoutingQueue> find(String id) {
        RoutingQueue queue = current().byId().get(id);
        return queue != null ? Optional.of(queue) : Optional.ofNullable(reload().byId().get(id));
    }

    /** Reads the store now; the next reads see its queues. */
    private Copy reload() {
        List<RoutingQueue> all = store.all();
        Copy fresh = new Copy(all, all.stream().collect(Collectors.toUnmodifiableMap(RoutingQueue::id,
                Function.identity())), System.nanoTime());
        copy = fresh;
        return fresh;
    }

    /** Forgets the copy (after this instance wrote a queue). */
    public void invalidate() {
        copy = null;
    }

    private Copy current() {
        Copy read = copy;
        if (read == null || System.nanoTime() - read.readAt() >= refreshNanos) {
            return reload();
        }
        return read;
    }

    /** One read of the queues. */
    private record Copy(List<RoutingQueue> all, Map<String, RoutingQueue> byId, long readAt) {
        List<RoutingQueue> ofTier(int tier) {
            return all.stream().filter(q -> q.tier() == tier).toList();
        }
    }
}
