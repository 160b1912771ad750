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
 * ContactReceived record intake wrote) and the same durability settings. The client is wrk when it is on the
 * PATH (it takes far less of the shared cores), else the JDK's HTTP client; {@code -Dbench.intake.client=java}
 * or {@code wrk} chooses. The first {@code warmUp} (the JVM compiling) is driven but not counted.
 * <p>
 * With wrk, a second run drives the same endpoint as long with a body intake rejects (400 before any store or
 * broker work): the floor the HTTP stack and validation set on this machine. Both runs record the whole machine's
 * busy CPU per request, next to the budget the target leaves (cores / target rate). So do the two baselines: a
 * record of ProducerPerformance, and a contact document inserted into the same store alone ({@link StoreBaseline}).
 * The answered request, the record and the stored document are what every accepted contact needs at least: their
 * sum is printed as {@code sumOfTheThree}.
 */
public final class IntakeThroughputBench {

    private IntakeThroughputBench() {
    }

    public static BenchResult run(Duration measure, Duration warmUp, int connections) throws Exception {
        try (BenchStack stack = new BenchStack(3)) {
            ServiceProcess intake = stack.start("intake-service", Map.of("quarkus.log.level", "WARN"));
            String client = System.getProperty("bench.intake.client", WrkClient.available() ? "wrk" : "java");
            Measured driven;
            Measured rejected = null;
            switch (client) {
                case "wrk" -> {
                    String run = Long.toString(System.nanoTime(), 36);
                    WrkClient.run(intake.baseUrl(), stack.gatewayKey, run + "w", connections, warmUp, BODY);
                    driven = Measured.of(() -> WrkClient.run(intake.baseUrl(), stack.gatewayKey, run, connections,
                            measure, BODY));
                    // the floor: the same load on the same endpoint, answered 400 before any store or broker work
                    rejected = Measured.of(() -> WrkClient.run(intake.baseUrl(), stack.gatewayKey, run + "r",
                            connections, measure, REJECTED_BODY));
                }
                // the Java client's warm-up is in the same call: its CPU is in the figure (wrk's is not)
                case "java" -> driven = Measured.of(() -> javaClient(intake.baseUrl() + "/contacts", stack.gatewayKey,
                        measure, warmUp, connections));
                default -> throw new IllegalArgumentException("bench.intake.client is wrk or java, not " + client);
            }
            Load accepted = driven.load();
            double seconds = accepted.seconds();
            double perSecond = accepted.accepted() / seconds;
            int recordSize = averageRecordSize(stack.kafka.bootstrapServers());
            long baselineRecords = Math.max(200_000, (long) (perSecond * seconds));
            double producerCpuFrom = MachineCpu.busyMs();
            ProducerBaseline.Result raw = ProducerBaseline.run(stack.kafka.bootstrapServers(), "bench.raw-producer",
                    recordSize, baselineRecords);
            double producerCpuTo = MachineCpu.busyMs();
            StoreBaseline.Result store = StoreBaseline.run(stack.mongo.connectionString(),
                    Math.max(50_000, accepted.accepted()), Integer.getInteger("bench.intake.store-batch", 32));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("client", client);
            details.put("connections", connections);
            details.put("warmUpSecondsNotMeasured", warmUp.toSeconds());
            details.put("measuredSeconds", seconds);
            details.put("accepted", accepted.accepted());
            details.put("notAccepted", accepted.other());
            details.put("transportErrors", accepted.errors());
            details.put("latencyP50Ms", accepted.p50Ms());
            details.put("latencyP99Ms", accepted.p99Ms());
            details.put("acceptedMillis", Map.of("p50", accepted.p50Ms(), "p99", accepted.p99Ms()));
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpu.put("acceptedContact", driven.cpuMsPer(accepted.accepted()));
            if (rejected != null) {
                Load floor = rejected.load();
                details.put("rejectedPerSecond", floor.answered() / floor.seconds());
                details.put("rejectedNotAnswered400", floor.accepted() + floor.errors());
                details.put("rejectedMillis", Map.of("p50", floor.p50Ms(), "p99", floor.p99Ms()));
                cpu.put("rejectedRequest", rejected.cpuMsPer(floor.answered()));
            }
            // the tool's own JVM start is in it too: about a second of CPU over 200,000 records or more
            cpu.put("rawProducerRecord", MachineCpu.msPerOperation(producerCpuFrom, producerCpuTo, raw.records()));
            cpu.put("rawStoreInsert", store.cpuMsPerDocument());
            if (cpu.containsKey("rejectedRequest")) {
                // what every accepted contact needs at least: an answered request, a record, a stored document
                cpu.put("sumOfTheThree", (Double) cpu.get("rejectedRequest") + (Double) cpu.get("rawProducerRecord")
                        + store.cpuMsPerDocument());
            }
            cpu.put("budgetAtTarget", Runtime.getRuntime().availableProcessors() * 1000.0 / TARGET_PER_SECOND);
            details.put("machineCpuMsPer", cpu);
            details.put("recordSizeBytes", recordSize);
            details.put("producerPerformance", raw.line());
            details.put("storeInsertBaseline", Map.of("documents", store.documents(), "batch", store.batch(),
                    "documentsPerSecond", store.documentsPerSecond(), "secondaryIndexes", store.indexes()));
            details.put("peakRssMb", stack.peakRssMb());
            System.out.printf("intake-throughput, the store alone: %d contact documents inserted in batches of %d, "
                    + "%.0f/s%n", store.documents(), store.batch(), store.documentsPerSecond());
            if (rejected != null) {
                System.out.printf("intake-throughput floor (the same load answered 400): %.0f/s, p50 %.1f ms, "
                        + "p99 %.1f ms%n", rejected.load().answered() / rejected.load().seconds(),
                        rejected.load().p50Ms(), rejected.load().p99Ms());
            }
            System.out.println("intake-throughput, busy CPU of the whole machine per request (ms): " + String.join(", ",
                    cpu.entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%s %.3f", e.getKey(),
                            (Double) e.getValue())).toList()));
            System.out.printf("intake-throughput (%s, %d connections): %.0f/s accepted, p50 %.1f ms, p99 %.1f ms%n",
                    client, connections, perSecond, accepted.p50Ms(), accepted.p99Ms());
            return new BenchResult("intake-throughput", "contacts accepted/s", perSecond, "1/s",
                    "Kafka ProducerPerformance records/s (same broker, record size, acks=all)", raw.recordsPerSecond(),
                    true, ">= " + TARGET_PER_SECOND + " contacts/s with p99 < 50 ms", details);
        }
    }

    /** Closed-loop JDK HTTP clients, one thread per connection; the first {@code warmUp} is not counted. */
    private static Load javaClient(String url, String gatewayKey, Duration measure, Duration warmUp,
            int connections) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Latencies latencies = new Latencies();
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long n = sequence.incrementAndGet();
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "bench-" + n)
                                .header("X-Api-Key", gatewayKey)
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
                            } else if (status == -1) {
                                errors.incrementAndGet();
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
        return new Load(accepted.get(), other.get(), errors.get(), latencies.percentileMillis(0.5),
                latencies.percentileMillis(0.99), measure.toNanos() / 1e9);
    }

    /**
     * The contact every client posts: the customer twice ({@code n % 50,000}), then the chat session ({@code n});
     * wrk's script fills the same template.
     */
    static final String BODY = """
            {"channel":"CHAT","customer":{"id":"bench-c-%d","name":"Bench Customer","email":"bench%d@example.com",
            "segment":"STANDARD"},"language":"en","subject":"Charged twice",
            "message":"I was charged twice for my last invoice and need a refund.",
            "chat":{"sessionId":"bench-s-%d"}}""";

    /**
     * The same contact with a priority no gateway may send: intake parses, authenticates and validates it, and answers
     * 400 without touching the store or the broker. Driven like the real one, it is the floor under the figure: what
     * the HTTP stack and validation alone cost on this machine.
     */
    static final String REJECTED_BODY = BODY.substring(0, BODY.length() - 1) + ",\"priority\":\"NOT-A-PRIORITY\"}";

    /** Issue 3's target rate on the 2-core machine. */
    static final int TARGET_PER_SECOND = 5000;

    /** What one client run measured. */
    record Load(long accepted, long other, long errors, double p50Ms, double p99Ms, double seconds) {

        /** Requests answered with any status. */
        long answered() {
            return accepted + other;
        }
    }

    /** A client run and the whole machine's busy CPU while it ran. */
    record Measured(Load load, double busyFromMs, double busyToMs) {

        static Measured of(java.util.concurrent.Callable<Load> run) throws Exception {
            double from = MachineCpu.busyMs();
            Load load = run.call();
            return new Measured(load, from, MachineCpu.busyMs());
        }

        /** Busy CPU per request, NaN where it could not be read. */
        double cpuMsPer(long requests) {
            return MachineCpu.msPerOperation(busyFromMs, busyToMs, requests);
        }
    }

    static String body(long n) {
        return BODY.formatted(n % 50_000, n % 50_000, n);
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
