package io.tierline.bench;

import io.tierline.simulator.Latencies;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's raw two-hop latency, the floor under post-to-offer (intake produces, routing consumes and
 * produces, the desktop feed consumes): produce to topic A at a fixed rate, a relay consumes A and produces to
 * B, a reader consumes B; latency from the first send to the read, with the services' producer settings
 * (acks=all, idempotence, linger.ms=0 as intake and routing set it) and consumer defaults.
 */
final class TwoHopLatency {

    private TwoHopLatency() {
    }

    static Latencies run(String bootstrap, String run, double perSecond, Duration duration, int recordSize)
            throws Exception {
        String a = "bench.hop-a." + run;
        String b = "bench.hop-b." + run;
        Latencies latencies = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(a, 3, (short) 1), new NewTopic(b, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(bootstrap));
             KafkaProducer<byte[], byte[]> relayProducer = new KafkaProducer<>(producerProps(bootstrap));
             KafkaConsumer<byte[], byte[]> relay = new KafkaConsumer<>(consumerProps(bootstrap, "relay-" + run));
             KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumerProps(bootstrap, "reader-" + run))) {
            relay.subscribe(List.of(a));
            reader.subscribe(List.of(b));
            Thread relayThread = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : relay.poll(Duration.ofMillis(100))) {
                        relayProducer.send(new ProducerRecord<>(b, r.key(), r.value()));
                    }
                }
            }, "two-hop-relay");
            Thread readerThread = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                        long sent = ByteBuffer.wrap(r.value()).getLong();
                        latencies.record((System.nanoTime() - sent) / 1000);
                    }
                }
            }, "two-hop-reader");
            relayThread.start();
            readerThread.start();
            // let both consumers join their groups before measuring
            warmUp(producer, a, recordSize, latencies);
            long n = FixedRate.run(perSecond, duration, (i, due) -> {
                byte[] value = new byte[Math.max(8, recordSize)];
                ByteBuffer.wrap(value).putLong(due);
                producer.send(new ProducerRecord<>(a, Long.toString(i).getBytes(), value));
            });
            producer.flush();
            long drainUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (latencies.count() < n && System.nanoTime() < drainUntil) {
                Thread.sleep(50);
            }
            stop.set(true);
            relayThread.join();
            readerThread.join();
        }
        return latencies;
    }

    private static void warmUp(KafkaProducer<byte[], byte[]> producer, String topic, int size, Latencies ignored)
            throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            byte[] value = new byte[Math.max(8, size)];
            ByteBuffer.wrap(value).putLong(System.nanoTime());
            producer.send(new ProducerRecord<>(topic, value));
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        ignored.reset();
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        return p;
    }

    private static Properties consumerProps(String bootstrap, String group) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        return p;
    }
}
