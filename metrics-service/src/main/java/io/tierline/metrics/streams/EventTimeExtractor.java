package io.tierline.metrics.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time: the CloudEvents {@code ce_time} header; without a readable one, the JSON {@code occurredAt};
 * without that either, the record's own timestamp (so that a malformed record still flows on to be reported).
 */
public class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Long fromHeader = parse(header(record));
        if (fromHeader != null) {
            return fromHeader;
        }
        Long fromBody = occurredAt(record.value());
        if (fromBody != null) {
            return fromBody;
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }

    private static String header(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TIME);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long occurredAt(Object value) {
        if (!(value instanceof String json) || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            JsonNode at = node == null ? null : node.get("occurredAt");
            return at == null || !at.isTextual() ? null : parse(at.asText());
        } catch (Exception e) {
            return null;
        }
    }

    private static Long parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            long millis = Instant.parse(text.trim()).toEpochMilli();
            return millis >= 0 ? millis : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
