package io.tierline.metrics.streams;

import io.tierline.events.EventJson;
import io.tierline.events.MalformedEventException;
import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Parses each record as a Tierline event. A record that is not one is a dead letter when it comes from a topic
 * only the topology reads ({@code contacts.received}, {@code contacts.escalated}); on {@code contacts.resolved}
 * and {@code contacts.assignments} the SmallRye consumers already dead-letter it, so here it is logged and
 * skipped (one dead letter per bad record).
 */
class ParseProcessor implements Processor<String, String, String, ParsedEvent> {

    private static final Logger LOG = Logger.getLogger(ParseProcessor.class);

    static final Set<String> DEAD_LETTERED_HERE = Set.of(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ESCALATED);

    private ProcessorContext<String, ParsedEvent> context;

    @Override
    public void init(ProcessorContext<String, ParsedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        try {
            TierlineEvent event = EventJson.read(record.value(), TierlineEvent.class);
            context.forward(record.withValue(ParsedEvent.of(event)));
        } catch (MalformedEventException e) {
            RecordMetadata m = context.recordMetadata().orElse(null);
            String topic = m == null ? "?" : m.topic();
            if (m != null && DEAD_LETTERED_HERE.contains(topic)) {
                LOG.warnf("record %s/%d@%d (key %s) is not a Tierline event; dead-lettered: %s", topic, m.partition(),
                        m.offset(), record.key(), e.getMessage());
                context.forward(record.withValue(new ParsedEvent(null, record.value(), e.getMessage(), topic,
                        m.partition(), m.offset())));
            } else {
                LOG.warnf("record on %s (key %s) is not a Tierline event; not counted: %s", topic, record.key(),
                        e.getMessage());
            }
        }
    }
}
