package io.tierline.metrics.messaging;

import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.config.MetricsConfig;
import io.tierline.platform.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends a KPI snapshot to its topic ({@code kpi.fcr} or {@code kpi.aht}) and waits for the broker's ack. */
@ApplicationScoped
public class KpiSnapshotSender {

    static final String SOURCE = "/tierline/metrics";

    private final EventPublisher fcr;
    private final EventPublisher aht;

    public KpiSnapshotSender(@Channel("kpi-fcr") Emitter<String> fcr, @Channel("kpi-aht") Emitter<String> aht,
            MetricsConfig config) {
        this.fcr = new EventPublisher(fcr, SOURCE, config.publishTimeout());
        this.aht = new EventPublisher(aht, SOURCE, config.publishTimeout());
    }

    public void sendAndAwait(KpiSnapshot snapshot) {
        switch (snapshot.kpi()) {
            case KpiSnapshots.FCR -> fcr.sendAndAwait(snapshot);
            case KpiSnapshots.AHT -> aht.sendAndAwait(snapshot);
            default -> throw new IllegalArgumentException("no topic for KPI " + snapshot.kpi());
        }
    }
}
