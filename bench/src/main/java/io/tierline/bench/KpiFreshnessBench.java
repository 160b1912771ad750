package io.tierline.bench;

import io.tierline.embedded.JvmTokens;
import io.tierline.embedded.ServiceProcess;
import io.tierline.events.Channel;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import io.tierline.simulator.Latencies;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Issue 6's measurement: a steady stream of resolutions ({@code perSecond}, on a handful of queues) into the
 * packaged metrics-service, and, ten times a second, a probe resolution on a queue of its own; freshness is the
 * time from producing a probe until {@code GET /kpis} for its queue counts it. The figure is the steady state:
 * the probes after {@link #WARM_UP} of the same stream. The probes of the warm-up, the first two minutes after
 * the service started, are reported apart (what a deploy or a restart costs). Baseline: the broker's raw two-hop
 * latency at the same rate (the topology reads the source and its repartition topic: two hops).
 *
 * <p>Each probe's poller asks every {@link #POLL_INTERVAL}, so a figure may be up to that much late. Polling
 * faster measures the poller: at 5 ms, sixteen pollers sent up to 3,200 requests a second, and serving them took
 * a third of the service's CPU.
 */
public final class KpiFreshnessBench {

    private static final String OPS_TOKEN = JvmTokens.get().ops();

    private static final Random RANDOM = new Random(42);

    /** How many agents resolve the contacts: -Dbench.kpi.agents=N changes it (each is a key of the agent dimension). */
    static final int AGENTS = Integer.getInteger("bench.kpi.agents", 500);

    /**
     * The stream driven before the measured one, its probes reported apart: -Dbench.kpi.warmup=S (seconds) changes
     * it. Two minutes: the first 30 to 60 s after a start are several times slower than the rest, and a backlog
     * built then can take as long again to drain. The JVM is still compiling the hot paths on two busy cores: a
     * service's compiler threads use as much CPU as its work for the first one to two minutes (bench report
     * 2026-11-27).
     */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.kpi.warmup", 120));

    /** How often a probe's poller asks {@code /kpis}: -Dbench.kpi.poll-ms=N changes it. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(Long.getLong("bench.kpi.poll-ms", 20));

    private KpiFreshnessBench() {
    }

    public static BenchResult run(double perSecond, Duration measure) throws Exception {
        try (BenchStack stack = new BenchStack(3)) {
            ServiceProcess metrics = stack.start("metrics-service", Map.of("quarkus.log.level", "WARN"));
            Probes warmUp = new Probes();
            Probes measured = new Probes();
            AtomicLong sent = new AtomicLong();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pollers = Executors.newFixedThreadPool(16);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "1"),
                    new StringSerializer(), new StringSerializer())) {
                warmUp(producer, metrics, http);
                probedStream(producer, http, metrics, pollers, perSecond, WARM_UP, warmUp, "warm-up-probe-",
                        new AtomicLong());
                probedStream(producer, http, metrics, pollers, perSecond, measure, measured, "probe-", sent);
            } finally {
                pollers.shutdown();
                pollers.awaitTermination(60, TimeUnit.SECONDS);
            }
            Latencies freshness = measured.freshness;
            Latencies twoHop = TwoHopLatency.run(stack.kafka.bootstrapServers(), Long.toString(System.nanoTime(), 36),
                    perSecond, measure, 600);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("eventsPerSecond", perSecond);
            details.put("events", sent.get());
            details.put("warmUpSeconds", WARM_UP.toSeconds());
            details.put("agents", AGENTS);
            details.put("probes", freshness.count());
            details.put("probePollMillis", POLL_INTERVAL.toMillis());
            details.put("probesNotSeenWithin30s (counted as 30 s)", measured.unseen.get());
            details.put("freshnessMillis", Map.of("p50", freshness.percentileMillis(0.5),
                    "p99", freshness.percentileMillis(0.99)));
            details.put("worstFreshnessMillisPer10s", List.copyOf(measured.worstPer10s.values()));
            details.put("warmUpFreshnessMillis", Map.of("p50", warmUp.freshness.percentileMillis(0.5),
                    "p99", warmUp.freshness.percentileMillis(0.99)));
            details.put("warmUpWorstFreshnessMillisPer10s", List.copyOf(warmUp.worstPer10s.values()));
            details.put("warmUpProbesNotSeenWithin30s", warmUp.unseen.get());
            System.out.println("  warm-up (not in the figure): freshness p50 " + warmUp.freshness.percentileMillis(0.5)
                    + " ms, p99 " + warmUp.freshness.percentileMillis(0.99) + " ms; worst per 10 s (ms): "
                    + warmUp.worstPer10s.values());
            System.out.println("  worst freshness per 10 s of the measured run (ms): " + measured.worstPer10s.values());
            details.put("twoHopMillis", Map.of("p50", twoHop.percentileMillis(0.5), "p99", twoHop.percentileMillis(0.99)));
            details.put("peakRssMb", stack.peakRssMb());
            return new BenchResult("kpi-freshness at " + (long) perSecond + " events/s", "KPI freshness p99", freshness.percentileMillis(0.99), "ms",
                    "broker two-hop p99 at the same rate", twoHop.percentileMillis(0.99), false,
                    "p99 under 1 s at 2,000 events/s", details);
        }
    }

    /** What the probes of one stretch found: their freshness, the worst of each 10 s, and how many were not seen. */
    private static final class Probes {
        final Latencies freshness = new Latencies();
        final Map<Long, Long> worstPer10s = new ConcurrentSkipListMap<>();
        final AtomicLong unseen = new AtomicLong();
    }

    /** The steady stream for {@code length}, ten probes a second among it, each awaited by a poller. */
    private static void probedStream(KafkaProducer<String, String> producer, HttpClient http, ServiceProcess metrics,
            ExecutorService pollers, double perSecond, Duration length, Probes probes, String probePrefix,
            AtomicLong sent) throws Exception {
        long probeEvery = Math.max(1, (long) (perSecond / 10));
        FixedRate.run(perSecond, length, (n, due) -> {
            if (n % probeEvery == 0) {
                String queue = probePrefix + n;
                send(producer, queue);
                long tenSeconds = n / (long) (perSecond * 10);
                pollers.submit(() -> probes.worstPer10s.merge(tenSeconds,
                        awaitCounted(http, metrics.baseUrl(), queue, due, probes.freshness, probes.unseen) / 1000,
                        Math::max));
            } else {
                send(producer, "load-" + (n % 8));
            }
            sent.incrementAndGet();
        });
    }

    private static void warmUp(KafkaProducer<String, String> producer, ServiceProcess metrics, HttpClient http)
            throws Exception {
        Latencies ignored = new Latencies();
        AtomicLong unseen = new AtomicLong();
        for (int i = 0; i < 5; i++) {
            send(producer, "warm-up-" + i);
            awaitCounted(http, metrics.baseUrl(), "warm-up-" + i, System.nanoTime(), ignored, unseen);
        }
    }

    /**
     * A resolution as a contact centre makes them: one of {@link #AGENTS} agents, queue waits (median 20 s), talk
     * (median 5 min) and, for three in ten, hold (median 30 s) drawn per contact in milliseconds, so the duration
     * distributions hold as many distinct values as real ones do.
     */
    private static void send(KafkaProducer<String, String> producer, String queue) {
        Instant now = Instant.now();
        long talk = logNormalMillis(300_000, 0.5);
        long hold = RANDOM.nextDouble() < 0.3 ? logNormalMillis(30_000, 0.8) : 0;
        Instant accepted = now.minusMillis(talk + hold);
        Instant queued = accepted.minusMillis(logNormalMillis(20_000, 1.0));
        ContactResolved event = new ContactResolved(EventIds.random(), "bench-" + EventIds.random(), now,
                "agent-" + RANDOM.nextInt(AGENTS), queue, 1, Channel.CHAT, "cust-" + RANDOM.nextInt(100_000), "billing",
                null, "FIXED", null, 0, 0, null, queued, accepted, talk, hold);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONTACTS_RESOLVED, event.key(),
                EventJson.write(event));
        Map.of(CloudEventHeaders.ID, event.eventId(), CloudEventHeaders.TYPE, event.ceType(),
                CloudEventHeaders.SOURCE, "/tierline/bench", CloudEventHeaders.TIME, now.toString(),
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    private static long logNormalMillis(double medianMillis, double sigma) {
        return Math.max(1, Math.round(medianMillis * Math.exp(sigma * RANDOM.nextGaussian())));
    }

    /** @return the probe's freshness in microseconds (30 s if it was not counted within 30 s) */
    private static long awaitCounted(HttpClient http, String base, String queue, long produced, Latencies freshness,
            AtomicLong unseen) {
        URI uri = URI.create(base + "/kpis?kpi=fcr&window=PT1H&dimension="
                + URLEncoder.encode("queue=" + queue, StandardCharsets.UTF_8));
        long deadline = produced + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"denominator\":1")) {
                    long micros = (System.nanoTime() - produced) / 1000;
                    freshness.record(micros);
                    return micros;
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (Exception e) {
            // counted as unseen below
        }
        unseen.incrementAndGet();
        // censored: an event not counted within 30 s enters the percentiles as 30 s, so a topology that falls
        // behind cannot look fresh by leaving its slowest probes out
        long censored = Duration.ofSeconds(30).toNanos() / 1000;
        freshness.record(censored);
        return censored;
    }
}
