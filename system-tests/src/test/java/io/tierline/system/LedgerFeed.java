package io.tierline.system;

import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Routing's event log, followed: one consumer reads {@code contacts.assignments} and {@code contacts.resolved}
 * from the start into an {@link AssignmentLedger} and hands each event new to the ledger to a listener. It keeps
 * reading through a broker restart (the client reconnects).
 */
final class LedgerFeed implements AutoCloseable {

    private final String bootstrapServers;
    private final AssignmentLedger ledger;
    private final Consumer<TierlineEvent> onNew;
    private final Thread reader;
    private volatile boolean running = true;

    LedgerFeed(String bootstrapServers, AssignmentLedger ledger, Consumer<TierlineEvent> onNew) {
        this.bootstrapServers = bootstrapServers;
        this.ledger = ledger;
        this.onNew = onNew;
        this.reader = new Thread(this::read, "ledger-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CONTACTS_ASSIGNMENTS, Topics.CONTACTS_RESOLVED)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    TierlineEvent event = ledger.add(record.value(), Instant.ofEpochMilli(record.timestamp()));
                    if (event != null) {
                        onNew.accept(event);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5000);
    }
}
