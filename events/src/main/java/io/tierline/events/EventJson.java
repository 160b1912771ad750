package io.tierline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of events: ISO-8601 instants, unknown fields ignored, nulls omitted. */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /** Applies the event mapping settings to a mapper (also used for a framework-managed mapper). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(TierlineEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.typeName(), e);
        }
    }

    /**
     * Reads an event of the expected type.
     *
     * @throws MalformedEventException when the payload is not JSON, has no known {@code type}, or is of
     *                                 another type than expected; the record belongs on the dead-letter topic
     */
    public static <T extends TierlineEvent> T read(String json, Class<T> expected) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty payload");
        }
        final TierlineEvent event;
        try {
            event = MAPPER.readValue(json, TierlineEvent.class);
        } catch (JsonProcessingException e) {
            // Not e.getMessage(): it quotes the payload, which may carry personal data, into logs and headers.
            throw new MalformedEventException("not a Tierline event (" + e.getClass().getSimpleName()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() : "") + ")");
        }
        if (!expected.isInstance(event)) {
            throw new MalformedEventException(
                    "expected " + expected.getSimpleName() + " but got " + event.typeName());
        }
        if (event.eventId() == null || event.eventId().isBlank()) {
            throw new MalformedEventException(event.typeName() + " without eventId");
        }
        return expected.cast(event);
    }
}
