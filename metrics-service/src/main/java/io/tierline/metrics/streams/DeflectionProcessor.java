package io.tierline.metrics.streams;

import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactReceived;
import io.tierline.events.TierlineEvent;
import io.tierline.metrics.kpi.Deflections;
import io.tierline.metrics.kpi.Deflections.Arrival;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The L0 deflection rate's inputs ({@link Deflections}): {@code ContactReceived}, {@code ContactDeflected} and
 * {@code ContactAbandoned}, keyed by contactId on {@code contacts.received} (so one contact's events reach one
 * task, in order). Each contact's {@link Arrival} is kept in a window store at its arrival time (store
 * {@value #STORE}, for the dedup retention: longer than any window stays open), and each change becomes
 * {@code deflection} contributions at the arrival's time, in its dimensions.
 */
class DeflectionProcessor implements Processor<String, TierlineEvent, String, Contribution> {

    static final String STORE = "kpi-deflection-arrivals";

    private ProcessorContext<String, Contribution> context;
    private WindowStore<String, String> arrivals;

    static boolean reads(TierlineEvent event) {
        return event instanceof ContactReceived || event instanceof ContactDeflected
                || event instanceof ContactAbandoned;
    }

    static Duration window() {
        return Duration.ofMillis(1);
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
        this.arrivals = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, TierlineEvent> record) {
        TierlineEvent event = record.value();
        Optional<Deflections.Change> change;
        String contactId;
        if (event instanceof ContactReceived e) {
            contactId = e.contactId();
            change = Deflections.received(known(contactId), e);
        } else if (event instanceof ContactDeflected e) {
            contactId = e.contactId();
            change = Deflections.deflected(known(contactId), e);
        } else if (event instanceof ContactAbandoned e) {
            contactId = e.contactId();
            change = Deflections.abandoned(known(contactId), e);
        } else {
            return;
        }
        if (change.isEmpty()) {
            return;
        }
        Arrival arrival = change.get().arrival();
        long at = arrival.receivedAt().toEpochMilli();
        arrivals.put(contactId, arrival.encode(), at);
        for (String dimension : dimensions(arrival)) {
            Contribution c = new Contribution(Contribution.key(Kpis.DEFLECTION, dimension), change.get().numerator(),
                    change.get().denominator(), null, 0);
            context.forward(new Record<>(c.key(), c, at, record.headers()));
        }
    }

    /** all, channel and category (not queue: a deflected contact was never answered in one). */
    static List<String> dimensions(Arrival arrival) {
        List<String> dimensions = Contributions.dimensions(null, arrival.channel(), null);
        if (arrival.category() != null && !arrival.category().isBlank()) {
            dimensions.add("category=" + arrival.category());
        }
        return dimensions;
    }

    /** The contact's arrival as remembered (the latest entry), or null. */
    private Arrival known(String contactId) {
        String latest = null;
        try (WindowStoreIterator<String> found = arrivals.fetch(contactId, 0L, Long.MAX_VALUE)) {
            while (found.hasNext()) {
                latest = found.next().value;
            }
        }
        return latest == null ? null : Arrival.decode(latest);
    }
}
