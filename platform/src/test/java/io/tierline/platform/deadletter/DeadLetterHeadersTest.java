package io.tierline.platform.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.tierline.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    private static final Map<String, DeadLetterConsumer> CONSUMERS = Map.of("contacts.received",
            new DeadLetterConsumer("routing", "contacts-received", "tierline-routing"));

    @Test
    void mapsTheHeadersSmallRyeWrites() {
        Headers headers = new RecordHeaders()
                .add("ce_id", bytes("evt-1"))
                .add(DeadLetterHeaders.REASON, bytes("expected ContactReceived"))
                .add(DeadLetterHeaders.EXCEPTION_CLASS, bytes("io.tierline.events.MalformedEventException"))
                .add(DeadLetterHeaders.CAUSE, bytes("Unexpected character"))
                .add(DeadLetterHeaders.CAUSE_CLASS, bytes("com.fasterxml.jackson.core.JsonParseException"))
                .add(DeadLetterHeaders.TOPIC, bytes("contacts.received"))
                .add(DeadLetterHeaders.PARTITION, bytes("2"))
                .add(DeadLetterHeaders.OFFSET, bytes("1234"));
        DeadLetter d = DeadLetterHeaders.map(record(1, 42, "C-1", "{\"a\":1}", headers), "routing", CONSUMERS, 100);

        assertEquals("1-42", d.id());
        assertEquals("routing.dlq", d.deadLetterTopic());
        assertEquals(1, d.partition());
        assertEquals(42, d.offset());
        assertEquals("contacts.received", d.originalTopic());
        assertEquals(2, d.originalPartition());
        assertEquals(1234L, d.originalOffset());
        assertEquals("C-1", d.key());
        assertEquals(new DeadLetterError("expected ContactReceived", "io.tierline.events.MalformedEventException",
                "Unexpected character", "com.fasterxml.jackson.core.JsonParseException"), d.error());
        assertEquals(new DeadLetterConsumer("routing", "contacts-received", "tierline-routing"), d.consumer());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), d.deadLetteredAt());
        assertEquals("{\"a\":1}", d.value());
        assertFalse(d.valueTruncated());
        assertEquals(7, d.valueBytes());
        assertNull(d.replayOf());
        assertFalse(d.replayed());
    }

    @Test
    void theStreamsSubsetWithoutCauseAndAnUnknownTopicStillMap() {
        // what metrics-service's DeadLetterProcessor writes: no class names, no cause
        Headers headers = new RecordHeaders()
                .add(DeadLetterHeaders.REASON, bytes("not an event"))
                .add(DeadLetterHeaders.TOPIC, bytes("contacts.elsewhere"))
                .add(DeadLetterHeaders.PARTITION, bytes("not-a-number"))
                .add(DeadLetterHeaders.OFFSET, bytes("7"));
        DeadLetter d = DeadLetterHeaders.map(record(0, 0, null, null, headers), "routing", CONSUMERS, 100);

        assertEquals(new DeadLetterError("not an event", null, null, null), d.error());
        assertEquals(new DeadLetterConsumer("routing", null, null), d.consumer(), "no channel reads that topic");
        assertNull(d.originalPartition(), "an unreadable number is left out, not guessed");
        assertEquals(7L, d.originalOffset());
        assertNull(d.key());
        assertNull(d.value());
        assertEquals(0, d.valueBytes());
    }

    @Test
    void aLongValueIsTruncatedToTheLimitAndSaysSo() {
        String value = "x".repeat(50) + "\uD83D\uDE00" + "y".repeat(50);
        DeadLetter d = DeadLetterHeaders.map(record(0, 1, "k", value, new RecordHeaders()), "routing", CONSUMERS, 51);
        assertTrue(d.valueTruncated());
        assertEquals("x".repeat(50), d.value(), "a surrogate pair is not split");
        assertEquals(value.getBytes(StandardCharsets.UTF_8).length, d.valueBytes());
    }

    @Test
    void aFailedReplayShowsWhichDeadLetterItReplayed() {
        Headers headers = new RecordHeaders().add(DeadLetterHeaders.REPLAY_OF, bytes("routing.dlq/0-3"));
        assertEquals("routing.dlq/0-3",
                DeadLetterHeaders.map(record(0, 9, "k", "v", headers), "routing", CONSUMERS, 10).replayOf());
    }

    @Test
    void aReplayKeepsTheOriginalHeadersDropsTheDeadLetterOnesAndNamesTheDeadLetter() {
        Headers headers = new RecordHeaders()
                .add("ce_id", bytes("evt-1"))
                .add("ce_type", bytes("io.tierline.ContactReceived"))
                .add(DeadLetterHeaders.REASON, bytes("boom"))
                .add(DeadLetterHeaders.TOPIC, bytes("contacts.received"))
                .add(DeadLetterHeaders.PARTITION, bytes("0"))
                .add(DeadLetterHeaders.OFFSET, bytes("5"))
                .add(DeadLetterHeaders.EXCEPTION_CLASS, bytes("X"))
                .add("deserialization-failure-reason", bytes("y"))
                .add(DeadLetterHeaders.REPLAY_OF, bytes("routing.dlq/0-1"));

        Headers replay = DeadLetterHeaders.replayHeaders(headers, "routing.dlq/0-8");

        List<String> keys = new ArrayList<>();
        for (Header h : replay) {
            keys.add(h.key());
        }
        assertEquals(List.of("ce_id", "ce_type", DeadLetterHeaders.REPLAY_OF), keys);
        assertEquals("evt-1", DeadLetterHeaders.text(replay, "ce_id"));
        assertEquals("routing.dlq/0-8", DeadLetterHeaders.text(replay, DeadLetterHeaders.REPLAY_OF));
    }

    @Test
    void idsParseOrAnswer400NamingTheField() {
        assertEquals(new DeadLetterId(3, 1234), DeadLetterId.parse("3-1234", "id"));
        assertEquals("3-1234", new DeadLetterId(3, 1234).toString());
        for (String bad : new String[] {"", "3", "-1", "3-", "a-1", "1-b", "1--2", "1-2-3", " 1-2", "99999999999-1",
                "1-99999999999999999999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> DeadLetterId.parse(bad, "after"), bad);
            assertEquals(400, e.problem().status());
            assertEquals("after", e.problem().violations().get(0).field());
        }
    }

    @Test
    void consumersComeFromTheChannelsThatDeadLetterToTheTopic() {
        var config = new SmallRyeConfigBuilder().withDefaultValues(Map.of(
                "mp.messaging.incoming.contacts-received.topic", "contacts.received",
                "mp.messaging.incoming.contacts-received.group.id", "tierline-routing",
                "mp.messaging.incoming.contacts-received.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.contacts-received.dead-letter-queue.topic", "routing.dlq",
                "mp.messaging.incoming.fanout.topic", "contacts.assignments",
                "mp.messaging.incoming.fanout.failure-strategy", "ignore",
                "mp.messaging.incoming.other.topic", "contacts.other",
                "mp.messaging.incoming.other.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.other.dead-letter-queue.topic", "other.dlq")).build();

        Map<String, DeadLetterConsumer> consumers = DeadLetterConsumers.fromConfig(config, "routing", "routing.dlq");

        assertEquals(Map.of("contacts.received", new DeadLetterConsumer("routing", "contacts-received",
                "tierline-routing")), consumers);
        assertEquals(Optional.empty(), Optional.ofNullable(consumers.get("contacts.assignments")));
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String key, String value,
            Headers headers) {
        return new ConsumerRecord<>("routing.dlq", partition, offset, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                key == null ? -1 : key.length(), value == null ? -1 : value.length(),
                key == null ? null : bytes(key), value == null ? null : bytes(value), headers, Optional.empty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
