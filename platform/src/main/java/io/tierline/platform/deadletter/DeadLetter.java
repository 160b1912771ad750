package io.tierline.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One dead letter as the ops endpoint shows it.
 *
 * @param id               {@code <partition>-<offset>} on the dead-letter topic
 * @param originalTopic    where the consumer read the record ({@code dead-letter-topic} header)
 * @param deadLetteredAt   the dead-letter record's timestamp
 * @param value            the record's value as UTF-8 text, cut after the configured number of characters
 * @param valueTruncated   whether {@code value} was cut
 * @param valueBytes       the value's full size in bytes (0 for a null value)
 * @param replayOf         the dead letter this record is a failed replay of ({@code tierline-replay-of}), if any
 * @param replayed         whether it was replayed; {@code replay} says when and where to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, String deadLetterTopic, int partition, long offset, String originalTopic,
        Integer originalPartition, Long originalOffset, String key, DeadLetterError error,
        DeadLetterConsumer consumer, Instant deadLetteredAt, String value, boolean valueTruncated, int valueBytes,
        String replayOf, boolean replayed, Replay replay) {

    DeadLetter withReplay(Replay recorded) {
        return new DeadLetter(id, deadLetterTopic, partition, offset, originalTopic, originalPartition,
                originalOffset, key, error, consumer, deadLetteredAt, value, valueTruncated, valueBytes, replayOf,
                recorded != null, recorded);
    }
}
