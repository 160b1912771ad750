package io.tierline.metrics.streams;

import io.tierline.metrics.KpiWindow;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.jboss.logging.Logger;

/**
 * Aggregates sums ({@link Combiner}) into a store of UTC minutes ({@link MinuteTally}), from which
 * {@link MinuteWindows} reads windows of every size. Used for the agent dimension: one write per sum instead of
 * one per window size, and no snapshot (agent KPIs are served by {@code GET /kpis}, never published). Lateness is
 * judged as the window aggregates judge it: against the largest event time this processor has seen, minus the
 * grace period; a sum that no window size would still take is dropped.
 */
class MinuteWindowsProcessor implements Processor<String, KpiTally, Void, Void> {

    private static final Logger LOG = Logger.getLogger(MinuteWindowsProcessor.class);

    private final String storeName;
    private final Duration grace;
    private WindowStore<String, MinuteTally> minutes;
    private long streamTime = Long.MIN_VALUE;

    MinuteWindowsProcessor(String storeName, Duration grace) {
        this.storeName = storeName;
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.minutes = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, KpiTally> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        long time = record.timestamp();
        streamTime = Math.max(streamTime, time);
        Optional<KpiWindow> smallestOpen = KpiWindow.smallestOpen(time, streamTime, grace);
        if (smallestOpen.isEmpty()) {
            LOG.debugf("%s at %d is later than every window's grace; not counted", record.key(), time);
            return;
        }
        long minute = KpiWindow.PT1M.startOf(time);
        MinuteTally known = minutes.fetch(record.key(), minute);
        minutes.put(record.key(), (known == null ? new MinuteTally() : known)
                .add(smallestOpen.get(), time, record.value()), minute);
    }
}
