package io.tierline.intake.messaging;

import io.tierline.events.CloudEventHeaders;
import io.tierline.events.Topics;
import io.tierline.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the recent tail of {@value Topics#CONTACTS_RECEIVED} to find which of some event ids are on it
 * already: the re-publisher's guard against publishing twice an event the broker acknowledged before intake
 * could clear its pending marker (a crash between the two). Reads from the first record written at or after
 * the given time (record timestamps; less a margin for clock skew between intake instances) up to the end
 * offsets at the start of the scan, by the {@code ce_id} header, without a consumer group.
 */
@ApplicationScoped
public class PublishedEventScan {

    /** Record timestamps are the producing intake's clock; another instance's may be a little off. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final String bootstrapServers;
    private final Duration timeout;
    private final String topic;

    public PublishedEventScan(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.outgoing.contacts-received.topic",
                    defaultValue = Topics.CONTACTS_RECEIVED) String topic,
            IntakeConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = config.publishTimeout();
    }

    /**
     * @param since  no wanted event was published before this
     * @param wanted the event ids looked for
     * @return those of {@code wanted} found on the topic
     * @throws org.apache.kafka.common.KafkaException (or a subclass such as a timeout) when the broker cannot be
     *                                                read within the publish timeout
     */
    public Set<String> findPublished(Instant since, Set<String> wanted) {
        Set<String> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long from = since.minus(CLOCK_MARGIN).toEpochMilli();
            var query = new HashMap<TopicPartition, Long>();
            partitions.forEach(p -> query.put(p, from));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query, timeout);
            var remaining = new HashSet<TopicPartition>();
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp at = start.get(p);
                long offset = at == null ? end.get(p) : at.offset();
                consumer.seek(p, offset);
                if (offset < end.get(p)) {
                    remaining.add(p);
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos() * 3;
            while (!remaining.isEmpty() && found.size() < wanted.size()) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException(
                            "could not read the tail of " + topic + " in time");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    String id = ceId(record.headers().lastHeader(CloudEventHeaders.ID));
                    if (id != null && wanted.contains(id)) {
                        found.add(id);
                    }
                }
                remaining.removeIf(p -> consumer.position(p, timeout) >= end.get(p));
            }
        }
        return found;
    }

    private static String ceId(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "intake-published-event-scan",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
