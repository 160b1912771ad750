package io.tierline.platform.deadletter;

import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * A service's dead letters: lists them and replays them to their original topic.
 *
 * <p>Reading uses a plain {@link KafkaConsumer} per call with {@code assign} and {@code seek} and no consumer
 * group (nothing is ever committed), so listing disturbs no consumer. Replaying sends the original key, value and
 * headers (without the dead-letter headers, plus {@code tierline-replay-of}) with a {@link KafkaProducer}
 * ({@code acks=all}, idempotent), waits for the broker's acknowledgement, and only then records the replay in
 * the {@link ReplayStore}. A send that is not acknowledged answers 503 and records nothing; the dead letter can
 * be replayed again (the consumers are idempotent on the event id, so a copy that did arrive is harmless).
 *
 * <p>Plain Java: each service builds one from its configuration and exposes it under {@code /ops/dead-letters}.
 */
public final class DeadLetters implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final DeadLetterSettings settings;
    private final Map<String, DeadLetterConsumer> consumers;
    private final ReplayStore replays;
    private final Clock clock;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean closed;

    /**
     * @param consumers the service's consumers by the topic they read ({@link DeadLetterConsumers#fromConfig})
     */
    public DeadLetters(DeadLetterSettings settings, Map<String, DeadLetterConsumer> consumers, ReplayStore replays,
            Clock clock) {
        this.settings = settings;
        this.consumers = Map.copyOf(consumers);
        this.replays = replays;
        this.clock = clock;
    }

    public String topic() {
        return settings.topic();
    }

    /**
     * {@link #list(Integer, String)} with the query parameters as they arrive.
     *
     * @throws ProblemException 400 naming {@code limit} when it is not a whole number
     */
    public DeadLetterPage list(String limit, String after) {
        Integer size = null;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.valueOf(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "must be between 1 and " + settings.listLimit());
            }
        }
        return list(size, after);
    }

    /**
     * {@link #replay(String, boolean)} with {@code force} as the query parameter arrives (absent: false).
     *
     * @throws ProblemException 400 naming {@code force} unless it is {@code true} or {@code false}
     */
    public DeadLetter replay(String id, String force) {
        boolean forced;
        if (force == null || force.isBlank() || force.equalsIgnoreCase("false")) {
            forced = false;
        } else if (force.equalsIgnoreCase("true")) {
            forced = true;
        } else {
            throw ProblemException.invalid("force", "must be true or false");
        }
        return replay(id, forced);
    }

    /**
     * One page of dead letters, ordered by partition and offset.
     *
     * @param limit at most this many (1..listLimit; null: listLimit)
     * @param after the id of the last dead letter of the previous page (null: from the start)
     * @throws ProblemException 400 naming {@code limit} or {@code after} when invalid
     */
    public DeadLetterPage list(Integer limit, String after) {
        int size = limit == null ? settings.listLimit() : limit;
        if (size < 1 || size > settings.listLimit()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + settings.listLimit());
        }
        DeadLetterId cursor = after == null || after.isBlank() ? null : DeadLetterId.parse(after, "after");
        List<DeadLetter> page = new ArrayList<>();
        boolean[] more = {false};
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Snapshot snapshot = snapshot(consumer);
            scan(consumer, snapshot, cursor, record -> {
                if (page.size() == size) {
                    more[0] = true;
                    return false;
                }
                page.add(map(record));
                return true;
            });
        }
        Map<String, Replay> recorded = replays.find(page.stream().map(d -> qualified(d.partition(), d.offset())).toList());
        List<DeadLetter> shown = page.stream()
                .map(d -> d.withReplay(recorded.get(qualified(d.partition(), d.offset())))).toList();
        return new DeadLetterPage(settings.topic(), shown, more[0] ? page.get(page.size() - 1).id() : null);
    }

    /**
     * One dead letter by id.
     *
     * @throws ProblemException 400 for a malformed id, 404 for one that is not on the topic
     */
    public DeadLetter get(String id) {
        DeadLetterId parsed = DeadLetterId.parse(id, "id");
        ConsumerRecord<byte[], byte[]> record = read(parsed).orElseThrow(() -> notFound(id));
        return map(record).withReplay(replays.find(qualified(parsed.partition(), parsed.offset())).orElse(null));
    }

    /**
     * Replays one dead letter to its original topic and records the replay.
     *
     * @param force replay even if it was replayed before
     * @throws ProblemException 400 for a malformed id, 404 for an unknown one, 409 if it was replayed already
     *                          (without {@code force}) or names no original topic, 503 if the broker did not
     *                          acknowledge the copy
     */
    public DeadLetter replay(String id, boolean force) {
        DeadLetterId parsed = DeadLetterId.parse(id, "id");
        ConsumerRecord<byte[], byte[]> record = read(parsed).orElseThrow(() -> notFound(id));
        return replay(record, force);
    }

    /**
     * Replays every dead letter not yet replayed that was on the topic when the call started (a replay that
     * fails again becomes a new dead letter; it is not replayed by the same call), in partition and offset order.
     *
     * @throws ProblemException 503 when the broker does not acknowledge a copy; what was replayed before stays
     *                          recorded, so calling again continues with the rest
     */
    public ReplayAllResult replayAll() {
        List<String> replayed = new ArrayList<>();
        int[] already = {0};
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Snapshot snapshot = snapshot(consumer);
            scan(consumer, snapshot, null, record -> {
                String qualified = qualified(record.partition(), record.offset());
                if (replays.find(qualified).isPresent()) {
                    already[0]++;
                    return true;
                }
                try {
                    replay(record, false);
                    replayed.add(new DeadLetterId(record.partition(), record.offset()).toString());
                } catch (ProblemException e) {
                    if (e.problem().status() == 409) {
                        // replayed meanwhile by another caller, or not replayable (no original topic)
                        already[0]++;
                        return true;
                    }
                    if (e.problem().status() == 503) {
                        throw ProblemException.unavailable("Replayed " + replayed.size() + " dead letter(s) of "
                                + settings.topic() + ", then: " + e.problem().detail()
                                + " Call again to replay the rest.", 2);
                    }
                    throw e;
                }
                return true;
            });
        }
        return new ReplayAllResult(settings.topic(), replayed, already[0]);
    }

    private DeadLetter replay(ConsumerRecord<byte[], byte[]> record, boolean force) {
        DeadLetter letter = map(record);
        String qualified = qualified(record.partition(), record.offset());
        Optional<Replay> earlier = replays.find(qualified);
        if (earlier.isPresent() && !force) {
            throw ProblemException.conflict("Dead letter " + letter.id() + " was replayed at "
                    + earlier.get().replayedAt() + "; add ?force=true to replay it again");
        }
        if (letter.originalTopic() == null || letter.originalTopic().isBlank()) {
            throw ProblemException.conflict("Dead letter " + letter.id() + " names no original topic (no "
                    + DeadLetterHeaders.TOPIC + " header); it cannot be replayed");
        }
        var copy = new ProducerRecord<>(letter.originalTopic(), null, record.key(), record.value(),
                DeadLetterHeaders.replayHeaders(record.headers(), qualified));
        RecordMetadata acked = send(copy, letter.id());
        Replay recorded = replays.record(qualified, settings.topic(), clock.instant(), acked.topic(),
                acked.partition(), acked.offset(), force);
        LOG.infof("dead letter %s replayed to %s-%d at offset %d%s", qualified, acked.topic(), acked.partition(),
                acked.offset(), force ? " (forced)" : "");
        return letter.withReplay(recorded);
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> copy, String id) {
        try {
            return producer().send(copy).get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAcknowledged(id, copy.topic(), e);
        } catch (ExecutionException e) {
            throw notAcknowledged(id, copy.topic(), e.getCause());
        } catch (java.util.concurrent.TimeoutException | KafkaException e) {
            throw notAcknowledged(id, copy.topic(), e);
        }
    }

    private static ProblemException notAcknowledged(String id, String topic, Throwable cause) {
        LOG.warnf(cause, "replay of dead letter %s to %s was not acknowledged", id, topic);
        return ProblemException.unavailable("The event broker did not acknowledge the replay of dead letter " + id
                + " to " + topic + "; nothing was recorded, retry the replay.", 2);
    }

    /** The record at this id, if the topic holds it. */
    private Optional<ConsumerRecord<byte[], byte[]>> read(DeadLetterId id) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Snapshot snapshot = snapshot(consumer);
            TopicPartition tp = new TopicPartition(settings.topic(), id.partition());
            Long begin = snapshot.begins().get(tp);
            Long end = snapshot.ends().get(tp);
            if (begin == null || id.offset() < begin || id.offset() >= end) {
                return Optional.empty();
            }
            var found = new java.util.concurrent.atomic.AtomicReference<ConsumerRecord<byte[], byte[]>>();
            DeadLetterId before = id.offset() == 0 ? null : new DeadLetterId(id.partition(), id.offset() - 1);
            Snapshot one = new Snapshot(List.of(tp), Map.of(tp, id.offset()), Map.of(tp, end));
            scan(consumer, one, before, record -> {
                if (record.offset() == id.offset()) {
                    found.set(record);
                }
                return false;
            });
            return Optional.ofNullable(found.get());
        }
    }

    /** The partitions of the topic and their first and end offsets, as of now. */
    private record Snapshot(List<TopicPartition> partitions, Map<TopicPartition, Long> begins,
            Map<TopicPartition, Long> ends) {
    }

    private Snapshot snapshot(KafkaConsumer<byte[], byte[]> consumer) {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(settings.topic(), settings.timeout());
            if (infos == null || infos.isEmpty()) {
                return new Snapshot(List.of(), Map.of(), Map.of());
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            return new Snapshot(partitions, consumer.beginningOffsets(partitions, settings.timeout()),
                    consumer.endOffsets(partitions, settings.timeout()));
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return new Snapshot(List.of(), Map.of(), Map.of());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw brokerUnavailable(e);
        }
    }

    /**
     * Visits the records after {@code after} (from the first offset when null) up to the snapshot's end offsets,
     * partition by partition, until the visitor answers false.
     */
    private void scan(KafkaConsumer<byte[], byte[]> consumer, Snapshot snapshot, DeadLetterId after,
            Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
        for (TopicPartition tp : snapshot.partitions()) {
            if (after != null && tp.partition() < after.partition()) {
                continue;
            }
            long start = snapshot.begins().get(tp);
            if (after != null && tp.partition() == after.partition()) {
                start = Math.max(start, after.offset() + 1);
            }
            long end = snapshot.ends().get(tp);
            if (start >= end) {
                continue;
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, start);
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (consumer.position(tp, settings.timeout()) < end) {
                var records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw brokerUnavailable(null);
                    }
                    continue;
                }
                deadline = System.nanoTime() + settings.timeout().toNanos();
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (record.offset() >= end) {
                        break;
                    }
                    if (!visitor.test(record)) {
                        return;
                    }
                }
            }
        }
    }

    private ProblemException brokerUnavailable(Throwable cause) {
        LOG.warnf(cause, "reading %s made no progress within %s", settings.topic(), settings.timeout());
        return ProblemException.unavailable("The event broker did not answer in time reading " + settings.topic(), 2);
    }

    private DeadLetter map(ConsumerRecord<byte[], byte[]> record) {
        return DeadLetterHeaders.map(record, settings.service(), consumers, settings.valueLimit());
    }

    private String qualified(int partition, long offset) {
        return DeadLetterHeaders.qualifiedId(settings.topic(), new DeadLetterId(partition, offset));
    }

    private ProblemException notFound(String id) {
        return new ProblemException(Problem.of(404, "Not found",
                "dead letter '" + id + "' is not on " + settings.topic()));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tierline-" + settings.service() + "-dead-letters-reader");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(settings.listLimit() + 1, 100));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (closed) {
            throw ProblemException.unavailable("The service is shutting down", 2);
        }
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(settings.clientProperties());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "tierline-" + settings.service() + "-dead-letters-replay");
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
