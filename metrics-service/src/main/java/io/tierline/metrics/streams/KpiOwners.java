package io.tierline.metrics.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance of the service owns which part of a state store (Kafka Streams metadata, from each instance's
 * {@code application.server}): only while the topology runs, since during a rebalance owners move.
 */
@ApplicationScoped
public class KpiOwners {

    private final KpiStreams kpiStreams;

    public KpiOwners(KpiStreams kpiStreams) {
        this.kpiStreams = kpiStreams;
    }

    /** This instance. */
    public HostInfo self() {
        return kpiStreams.self();
    }

    /**
     * The instance whose active task holds this key of the store.
     *
     * @throws KpiStateUnavailableException while the topology is not running (starting, rebalancing, failed)
     */
    public HostInfo ownerOf(String store, String key) {
        KafkaStreams streams = running();
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                    || HostInfo.unavailable().equals(metadata.activeHost())) {
                throw new KpiStateUnavailableException("no instance owns " + key + " of " + store + " now");
            }
            return metadata.activeHost();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
    }

    /**
     * Every instance that owns a part of any of these stores (together they hold every key of them).
     *
     * @throws KpiStateUnavailableException while the topology is not running, or a store has no owner
     */
    public Set<HostInfo> ownersOf(String... stores) {
        KafkaStreams streams = running();
        Set<HostInfo> owners = new LinkedHashSet<>();
        try {
            for (String store : stores) {
                var metadata = streams.streamsMetadataForStore(store);
                if (metadata.isEmpty()) {
                    throw new KpiStateUnavailableException("no instance owns " + store + " now");
                }
                metadata.forEach(m -> owners.add(m.hostInfo()));
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiStateUnavailableException(e.getMessage());
        }
        return owners;
    }

    /**
     * @throws KpiStateUnavailableException while the topology is not running: this instance's part may be about
     *                                      to move (what the internal endpoints check before answering a part)
     */
    public void requireRunning() {
        running();
    }

    private KafkaStreams running() {
        KafkaStreams streams = kpiStreams.streams();
        if (streams == null) {
            throw new KpiStateUnavailableException("the KPI topology has not started");
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new KpiStateUnavailableException("the KPI topology is " + streams.state());
        }
        return streams;
    }
}
