package io.tierline.metrics.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.tierline.events.EventJson;
import io.tierline.events.KpiSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every new KpiSnapshot committed on the {@code kpi.*} topics (channel {@code kpi-snapshots}: read_committed,
 * a group of its own per instance, from the latest offset), once per eventId, to every live subscriber
 * ({@code GET /kpis/stream}). A record that is not a KpiSnapshot is nacked: it goes to {@code metrics.dlq}.
 */
@ApplicationScoped
public class KpiFeed {

    static final int REMEMBERED = 10_000;

    private final BroadcastProcessor<KpiSnapshot> processor = BroadcastProcessor.create();
    private final Set<String> recent = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Incoming("kpi-snapshots")
    public void receive(String json) {
        KpiSnapshot snapshot = EventJson.read(json, KpiSnapshot.class);
        if (firstTime(snapshot.eventId())) {
            processor.onNext(snapshot);
        }
    }

    /** The snapshots published from now on; a slow subscriber loses the ones it cannot take. */
    public Multi<KpiSnapshot> live() {
        return processor.onOverflow().drop();
    }

    private synchronized boolean firstTime(String eventId) {
        return recent.add(eventId);
    }
}
