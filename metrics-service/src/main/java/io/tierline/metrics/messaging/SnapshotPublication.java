package io.tierline.metrics.messaging;

import io.tierline.events.KpiSnapshot;
import io.tierline.platform.messaging.PublishFailedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Publishes a snapshot only when its values changed since the last acknowledged publish of the same key.
 * A snapshot the broker did not acknowledge is logged and stays "changed", so the next tick sends it again.
 */
final class SnapshotPublication {

    private static final Logger LOG = Logger.getLogger(SnapshotPublication.class);

    private final Consumer<KpiSnapshot> sendAndAwait;
    private final Map<String, KpiSnapshot> lastPublished = new ConcurrentHashMap<>();

    SnapshotPublication(Consumer<KpiSnapshot> sendAndAwait) {
        this.sendAndAwait = sendAndAwait;
    }

    /** @return true when the snapshot was sent and acknowledged */
    boolean publishIfChanged(KpiSnapshot snapshot) {
        KpiSnapshot last = lastPublished.get(snapshot.key());
        if (last != null && KpiSnapshots.sameValues(last, snapshot)) {
            return false;
        }
        try {
            sendAndAwait.accept(snapshot);
        } catch (PublishFailedException e) {
            LOG.warnf(e, "KPI snapshot %s not published; retrying next tick", snapshot.key());
            return false;
        }
        lastPublished.put(snapshot.key(), snapshot);
        return true;
    }
}
