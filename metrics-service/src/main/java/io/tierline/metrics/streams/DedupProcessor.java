package io.tierline.metrics.streams;

import io.tierline.events.TierlineEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jboss.logging.Logger;

/**
 * Drops a redelivery (an {@code eventId} already seen at the same event time, kept in a window store for the
 * dedup retention) and forwards the event.
 */
class DedupProcessor implements Processor<String, ParsedEvent, String, TierlineEvent> {

    private static final Logger LOG = Logger.getLogger(DedupProcessor.class);

    static final String DEDUP_STORE = "kpi-dedup";

    private ProcessorContext<String, TierlineEvent> context;
    private WindowStore<String, Long> seen;

    @Override
    public void init(ProcessorContext<String, TierlineEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(DEDUP_STORE);
    }

    @Override
    public void process(Record<String, ParsedEvent> record) {
        TierlineEvent event = record.value().event();
        long time = record.timestamp();
        if (alreadySeen(event.eventId(), time)) {
            LOG.debugf("%s %s already counted", event.typeName(), event.eventId());
            return;
        }
        seen.put(event.eventId(), time, time);
        context.forward(record.withValue(event));
    }

    private boolean alreadySeen(String eventId, long time) {
        try (WindowStoreIterator<Long> hits = seen.fetch(eventId, Instant.ofEpochMilli(time), Instant.ofEpochMilli(time))) {
            return hits.hasNext();
        }
    }

    static Duration dedupWindow() {
        return Duration.ofMillis(1);
    }
}
