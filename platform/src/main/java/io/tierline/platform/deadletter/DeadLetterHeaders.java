package io.tierline.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead letter carries, as SmallRye's {@code failure-strategy=dead-letter-queue} writes them (and
 * metrics-service's Kafka Streams dead-letter processor, with the subset reason/topic/partition/offset), and
 * the mapping of a dead-letter record to what the ops endpoint shows and to what a replay sends.
 */
public final class DeadLetterHeaders {

    public static final String PREFIX = "dead-letter-";
    public static final String REASON = "dead-letter-reason";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String CAUSE = "dead-letter-cause";
    public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** SmallRye's marker of a record whose deserialization failed; dropped on replay like the dead-letter headers. */
    static final String DESERIALIZATION_FAILURE_PREFIX = "deserialization-failure";
    /** On a replayed record: the dead letter it replays, {@code <dead-letter topic>/<partition>-<offset>}. */
    public static final String REPLAY_OF = "tierline-replay-of";

    private DeadLetterHeaders() {
    }

    /**
     * What the endpoint shows of a dead-letter record (without its replay state).
     *
     * @param consumers  the service's consumers by the topic they read
     * @param valueLimit the most characters of the value shown
     */
    public static DeadLetter map(ConsumerRecord<byte[], byte[]> record, String service,
            Map<String, DeadLetterConsumer> consumers, int valueLimit) {
        Headers headers = record.headers();
        String originalTopic = text(headers, TOPIC);
        DeadLetterConsumer consumer = originalTopic == null ? null : consumers.get(originalTopic);
        if (consumer == null) {
            consumer = new DeadLetterConsumer(service, null, null);
        }
        DeadLetterError error = new DeadLetterError(text(headers, REASON), text(headers, EXCEPTION_CLASS),
                text(headers, CAUSE), text(headers, CAUSE_CLASS));
        byte[] value = record.value();
        String fullValue = value == null ? null : new String(value, StandardCharsets.UTF_8);
        boolean truncated = fullValue != null && fullValue.length() > valueLimit;
        String shown = truncated ? cut(fullValue, valueLimit) : fullValue;
        DeadLetterId id = new DeadLetterId(record.partition(), record.offset());
        Instant at = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null;
        return new DeadLetter(id.toString(), record.topic(), record.partition(), record.offset(), originalTopic,
                integer(headers, PARTITION), longValue(headers, OFFSET), keyText(record.key()), error, consumer, at,
                shown, truncated, value == null ? 0 : value.length, text(headers, REPLAY_OF), false, null);
    }

    /**
     * The headers a replay sends: the original record's headers as the dead letter kept them, without the
     * dead-letter headers and any earlier replay marker, plus {@code tierline-replay-of} naming this dead letter.
     */
    public static Headers replayHeaders(Headers deadLetterHeaders, String replayOf) {
        RecordHeaders out = new RecordHeaders();
        for (Header h : deadLetterHeaders) {
            if (h.key().startsWith(PREFIX) || h.key().startsWith(DESERIALIZATION_FAILURE_PREFIX)
                    || h.key().equals(REPLAY_OF)) {
                continue;
            }
            out.add(h.key(), h.value());
        }
        out.add(REPLAY_OF, replayOf.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** {@code <dead-letter topic>/<partition>-<offset>}: the replay marker and the replay record's key. */
    public static String qualifiedId(String deadLetterTopic, DeadLetterId id) {
        return deadLetterTopic + "/" + id;
    }

    static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers headers, String name) {
        String text = text(headers, name);
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(Headers headers, String name) {
        String text = text(headers, name);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A key that is not UTF-8 text is shown as {@code base64:<...>}. */
    private static String keyText(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + java.util.Base64.getEncoder().encodeToString(key);
        }
    }

    /** The first {@code limit} characters, not splitting a surrogate pair. */
    private static String cut(String text, int limit) {
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
