package io.tierline.metrics.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds up the contributions of one {@code kpi|dimension} in one UTC minute before they are repartitioned, and
 * forwards the sum (a partial {@link KpiTally}, with the largest event time added) every {@code interval} of wall
 * clock, in the order the sums were started. Without it every event sent one repartition record per KPI and
 * dimension (13 for a resolution) through the broker; with it a key sends one record per interval. Exact: a
 * minute lies inside exactly one window of every size, so a sum of one minute lands in the same windows as each
 * of its parts, and the window aggregates add sums as they added parts. The pending sums are kept in a logged
 * store (cached, so the changelog sees one write per key and commit), so a crash loses or doubles nothing. The
 * processor also holds them as objects, read instead of the store: it is the store's only writer, and loads it on
 * {@link #init}, so the two never differ; a store read would decode the sum on every contribution.
 */
class Combiner implements Processor<String, Contribution, String, KpiTally> {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final String storeName;
    private final Duration interval;
    private ProcessorContext<String, KpiTally> context;
    private KeyValueStore<String, Pending> pending;
    private final Map<String, Pending> live = new HashMap<>();
    private long sequence;

    /** A sum being added up: when it was started (its order), the largest event time, the sum. */
    record Pending(long sequence, long timestamp, KpiTally tally) {
    }

    Combiner(String storeName, Duration interval) {
        this.storeName = storeName;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, KpiTally> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        live.clear();
        try (KeyValueIterator<String, Pending> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, Pending> kv = all.next();
                live.put(kv.key, kv.value);
                sequence = Math.max(sequence, kv.value.sequence() + 1);
            }
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, Contribution> record) {
        long time = record.timestamp();
        String key = Math.floorDiv(time, MINUTE) + "|" + record.key();
        Pending known = live.get(key);
        Pending next = known == null
                ? new Pending(sequence++, time, new KpiTally().add(record.value()))
                : new Pending(known.sequence(), Math.max(known.timestamp(), time), known.tally().add(record.value()));
        live.put(key, next);
        pending.put(key, next);
    }

    /** Forwards every pending sum, oldest first, and forgets it. */
    private void flush() {
        List<Map.Entry<String, Pending>> due = new ArrayList<>(live.entrySet());
        due.sort(Comparator.comparingLong(e -> e.getValue().sequence()));
        for (Map.Entry<String, Pending> e : due) {
            String contributionKey = e.getKey().substring(e.getKey().indexOf('|') + 1);
            context.forward(new Record<>(contributionKey, e.getValue().tally(), e.getValue().timestamp()));
            pending.delete(e.getKey());
        }
        live.clear();
    }
}
