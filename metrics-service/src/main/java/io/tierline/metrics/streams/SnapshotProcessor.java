package io.tierline.metrics.streams;

import io.tierline.events.CloudEventHeaders;
import io.tierline.events.EventJson;
import io.tierline.events.KpiSnapshot;
import io.tierline.metrics.KpiWindow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** A window's updated tally to its {@link KpiSnapshot}s: JSON keyed {@code kpi|dimension|window}, CloudEvents headers. */
class SnapshotProcessor implements Processor<Windowed<String>, KpiTally, String, String> {

    static final String SOURCE = "/tierline/metrics";

    private final KpiWindow window;
    private ProcessorContext<String, String> context;

    SnapshotProcessor(KpiWindow window) {
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<Windowed<String>, KpiTally> record) {
        if (record.value() == null) {
            return;
        }
        Instant start = Instant.ofEpochMilli(record.key().window().start());
        for (KpiSnapshot s : WindowSnapshots.of(record.key().key(), window, start,
                Instant.ofEpochMilli(record.timestamp()), record.value())) {
            var headers = new RecordHeaders()
                    .add(CloudEventHeaders.ID, bytes(s.eventId()))
                    .add(CloudEventHeaders.TYPE, bytes(s.ceType()))
                    .add(CloudEventHeaders.SOURCE, bytes(SOURCE))
                    .add(CloudEventHeaders.TIME, bytes(s.occurredAt().toString()))
                    .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                    .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            context.forward(new Record<>(s.key(), EventJson.write(s), record.timestamp(), headers));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
