package io.tierline.metrics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tierline.events.EventJson;
import io.tierline.events.KpiSnapshot;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON of an instance's part of a KPI query, as {@link KpiLocalResource} writes it and {@link KpiPeers}
 * reads it: snapshots in the event mapping of the {@code kpi.*} topics, written and read as the same declared
 * type (so both sides agree on the event type information).
 */
final class KpiPartJson {

    /** Snapshots per KPI asked for. */
    static final TypeReference<Map<String, List<KpiSnapshot>>> BY_KPI = new TypeReference<>() {
    };
    static final TypeReference<List<KpiSnapshot>> SNAPSHOTS = new TypeReference<>() {
    };
    /** Waiting contacts, each {@code QueueWaits.Waiting.encode()}d. */
    static final TypeReference<List<String>> WAITING = new TypeReference<>() {
    };

    private KpiPartJson() {
    }

    static <T> String write(T value, TypeReference<T> type) {
        try {
            return EventJson.mapper().writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws JsonProcessingException when the body is not a part of this type */
    static <T> T read(String json, TypeReference<T> type) throws JsonProcessingException {
        return EventJson.mapper().readValue(json, type);
    }
}
