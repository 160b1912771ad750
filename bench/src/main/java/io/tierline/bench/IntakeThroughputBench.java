package io.tierline.bench;

import io.tierline.simulator.Latencies;
import io.tierline.embedded.ServiceProcess;
import io.tierline.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Issue 3's measurement: {@code POST /contacts} driven by closed-loop HTTP clients for a fixed time against the
 * packaged intake on a real broker and store: contacts/s accepted (202) and latency p50/p99; next to it, in the
 * same run on the same broker, Kafka's own ProducerPerformance with the same record size (the average
 * ContactReceived record intake wrote) and the same durability settings.
 */
public final class IntakeThroughputBench {

    private IntakeThroughputBench() {
    }

    public static BenchResult run(Duration measure, Duration warmUp, int connections) throws Exception {
        try (BenchStack stack = new BenchStack(3)) {
            ServiceProcess intake = stack.start("intake-service", Map.of("quarkus.log.level", "WARN"));
            String url = intake.baseUrl() + "/contacts";
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Latencies latencies = new Latencies();
            AtomicLong accepted = new AtomicLong();
            AtomicLong other = new AtomicLong();
            AtomicLong sequence = new AtomicLong();
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + measure.toNanos();
            CountDownLatch done = new CountDownLatch(connections);
            for (int c = 0; c < connections; c++) {
                Thread t = new Thread(() -> {
                    try {
                        while (true) {
                            long now = System.nanoTime();
                            if (now >= end) {
                                break;
                            }
                            long n = sequence.incrementAndGet();
                            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", "bench-" + n)
                                    .header("X-Api-Key", stack.gatewayKey)
                                    .POST(HttpRequest.BodyPublishers.ofString(body(n))).build();
                            long sent = System.nanoTime();
                            int status;
                            try {
                                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            } catch (java.io.IOException e) {
                                status = -1;
                            }
                            long answered = System.nanoTime();
                            if (sent >= measureFrom && answered <= end) {
                                if (status == 202) {
                                    accepted.incrementAndGet();
                                    latencies.record((answered - sent) / 1000);
                                } else {
                                    other.incrementAndGet();
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                }, "bench-client-" + c);
                t.setDaemon(true);
                t.start();
            }
            done.await();
            double seconds = measure.toNanos() / 1e9;
            double perSecond = accepted.get() / seconds;
            int recordSize = averageRecordSize(stack.kafka.bootstrapServers());
            long baselineRecords = Math.max(200_000, (long) (perSecond * seconds));
            ProducerBaseline.Result raw = ProducerBaseline.run(stack.kafka.bootstrapServers(), "bench.raw-producer",
                    recordSize, baselineRecords);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("connections", connections);
            details.put("measuredSeconds", seconds);
            details.put("accepted", accepted.get());
            details.put("notAccepted", other.get());
            details.put("latencyP50Ms", latencies.percentileMillis(0.5));
            details.put("latencyP99Ms", latencies.percentileMillis(0.99));
            details.put("recordSizeBytes", recordSize);
            details.put("producerPerformance", raw.line());
            details.put("peakRssMb", stack.peakRssMb());
            return new BenchResult("intake-throughput", "contacts accepted/s", perSecond, "1/s",
                    "Kafka ProducerPerformance records/s (same broker, record size, acks=all)", raw.recordsPerSecond(),
                    true, ">= 5000 contacts/s with p99 < 50 ms", details);
        }
    }

    static String body(long n) {
        return """
                {"channel":"CHAT","customer":{"id":"bench-c-%d","name":"Bench Customer","email":"bench%d@example.com",
                "segment":"STANDARD"},"language":"en","subject":"Charged twice",
                "message":"I was charged twice for my last invoice and need a refund.",
                "chat":{"sessionId":"bench-s-%d"}}""".formatted(n % 50_000, n % 50_000, n);
    }

    private static int averageRecordSize(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-size",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.CONTACTS_RECEIVED));
            long total = 0;
            int n = 0;
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (n < 1000 && System.nanoTime() < until) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    total += r.serializedValueSize();
                    n++;
                }
            }
            if (n == 0) {
                throw new IllegalStateException("intake wrote nothing to " + Topics.CONTACTS_RECEIVED);
            }
            return (int) (total / n);
        }
    }
}
