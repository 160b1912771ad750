package io.tierline.metrics.streams;

import io.tierline.events.ContactReceived;
import io.tierline.events.ContactResolved;
import io.tierline.events.TierlineEvent;
import io.tierline.metrics.kpi.RepeatCorrections;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The 7-day FCR (KPIS.md): resolutions and repeat contacts of one contact (keyed by the resolved contact's id:
 * a repeat by its {@code repeatOf}) advance its {@link RepeatCorrections}, kept in a store; each change becomes a
 * {@code fcr-7d} contribution at the resolution's time, a correction included.
 */
class RepeatProcessor implements Processor<String, RepeatInput, String, Contribution> {

    static final String STORE = "kpi-fcr7-resolutions";

    private final Duration repeatWindow;
    private ProcessorContext<String, Contribution> context;
    private KeyValueStore<String, RepeatCorrections> contacts;

    RepeatProcessor(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    /** Whether the 7-day FCR reads the event, and so it goes to the resolved contact's partition. */
    static boolean reads(TierlineEvent event) {
        return event instanceof ContactResolved
                || event instanceof ContactReceived r && r.repeatOf() != null && !r.repeatOf().isBlank();
    }

    static String contactOf(TierlineEvent event) {
        return event instanceof ContactReceived r ? r.repeatOf() : ((ContactResolved) event).contactId();
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
        this.contacts = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, RepeatInput> record) {
        RepeatInput input = record.value();
        RepeatCorrections known = contacts.get(record.key());
        if (known == null) {
            known = RepeatCorrections.NONE;
        }
        RepeatCorrections.Step step;
        if (input.resolution()) {
            step = known.resolved(record.timestamp(), input.firstContactResolution(), input.dimensions(),
                    repeatWindow);
        } else {
            step = known.repeated(record.timestamp(), repeatWindow);
        }
        if (step.next().resolutions().isEmpty()) {
            contacts.delete(record.key());
        } else {
            contacts.put(record.key(), step.next());
        }
        for (RepeatCorrections.Change change : step.changes()) {
            for (String dimension : change.dimensions()) {
                var c = new Contribution(Contribution.key(Kpis.FCR_7D, dimension), change.numerator(),
                        change.denominator(), null, 0);
                context.forward(new Record<>(c.key(), c, change.time()));
            }
        }
    }
}
