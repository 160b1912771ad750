package io.tierline.metrics.streams;

import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.OfferAccepted;
import io.tierline.events.TierlineEvent;
import io.tierline.metrics.kpi.QueueWaits.Waiting;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the contacts waiting in a queue now (store {@value #STORE}, by contactId): from {@code ContactQueued}
 * until {@code OfferAccepted}, {@code ContactWithdrawn} or {@code ContactAbandoned}. A contact queued again in
 * the same queue keeps its first {@code queuedAt}; queued in another queue, it waits there from then.
 */
class WaitingProcessor implements Processor<String, TierlineEvent, Void, Void> {

    static final String STORE = "kpi-queue-waiting";

    private KeyValueStore<String, String> waiting;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.waiting = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, TierlineEvent> record) {
        TierlineEvent event = record.value();
        if (event instanceof ContactQueued e && e.queueId() != null) {
            String known = waiting.get(e.contactId());
            if (known == null || !Waiting.decode(known).queueId().equals(e.queueId())) {
                waiting.put(e.contactId(), new Waiting(e.queueId(), e.occurredAt()).encode());
            }
        } else if (event instanceof OfferAccepted || event instanceof ContactWithdrawn
                || event instanceof ContactAbandoned) {
            waiting.delete(contactOf(event));
        }
    }

    private static String contactOf(TierlineEvent event) {
        if (event instanceof OfferAccepted e) {
            return e.contactId();
        }
        if (event instanceof ContactWithdrawn e) {
            return e.contactId();
        }
        return ((ContactAbandoned) event).contactId();
    }
}
