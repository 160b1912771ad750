package io.tierline.metrics.streams;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactResolved;
import io.tierline.events.EscalationEvent;
import io.tierline.events.EventJson;
import io.tierline.events.MalformedEventException;
import io.tierline.events.QualityEvaluated;
import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Parses each record as the Tierline event type its topic carries. A record that is not one (not JSON, unknown
 * type, no eventId, or an event of another topic) is forwarded as a dead letter with where it came from.
 */
class ParseProcessor implements Processor<String, String, String, ParsedEvent> {

    private static final Logger LOG = Logger.getLogger(ParseProcessor.class);

    /** The event type each source topic carries. */
    static final Map<String, Class<? extends TierlineEvent>> EXPECTED = Map.of(
            Topics.CONTACTS_RECEIVED, ContactEvent.class,
            Topics.CONTACTS_ASSIGNMENTS, AssignmentEvent.class,
            Topics.CONTACTS_RESOLVED, ContactResolved.class,
            Topics.CONTACTS_ESCALATED, EscalationEvent.class,
            Topics.CONTACTS_EVALUATIONS, QualityEvaluated.class,
            Topics.AGENTS_PRESENCE, AgentPresenceChanged.class);

    private ProcessorContext<String, ParsedEvent> context;

    @Override
    public void init(ProcessorContext<String, ParsedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        RecordMetadata m = context.recordMetadata().orElse(null);
        String topic = m == null ? "?" : m.topic();
        try {
            TierlineEvent event = EventJson.read(record.value(), EXPECTED.getOrDefault(topic, TierlineEvent.class));
            context.forward(record.withValue(ParsedEvent.of(event)));
        } catch (MalformedEventException e) {
            int partition = m == null ? -1 : m.partition();
            long offset = m == null ? -1 : m.offset();
            LOG.warnf("record %s/%d@%d (key %s) is not a Tierline event of that topic; dead-lettered: %s", topic,
                    partition, offset, record.key(), e.getMessage());
            context.forward(record.withValue(new ParsedEvent(null, record.value(), e.getMessage(), topic, partition,
                    offset)));
        }
    }
}
