package io.tierline.metrics.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A dead letter for {@code metrics.dlq}: the record's key and value unchanged, with the same headers the SmallRye
 * consumers write ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}).
 */
class DeadLetterProcessor implements Processor<String, ParsedEvent, String, String> {

    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ParsedEvent> record) {
        ParsedEvent dead = record.value();
        var headers = new RecordHeaders()
                .add("dead-letter-reason", bytes(dead.reason()))
                .add("dead-letter-topic", bytes(dead.topic()))
                .add("dead-letter-partition", bytes(Integer.toString(dead.partition())))
                .add("dead-letter-offset", bytes(Long.toString(dead.offset())));
        context.forward(new Record<>(record.key(), dead.raw(), record.timestamp(), headers));
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
