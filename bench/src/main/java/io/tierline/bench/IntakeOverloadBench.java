package io.tierline.bench;

import io.tierline.embedded.ServiceProcess;
import io.tierline.simulator.Latencies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 9's overload figures, against the packaged intake with its default admission bound: {@code connections}
 * closed-loop clients first warm it up, then measure what it sustains (contacts answered 202/s: the baseline);
 * then new contacts arrive open loop at twice that rate for {@code overload}: the share of 202, 429 and 503
 * answers (and of requests unanswered within 30 s), p50/p99 of the 202s and of the 503s counted from each
 * arrival's scheduled time, intake's peak heap (its /q/metrics) and RSS; then the load drops to one client, and
 * the time from the drop until intake answers 202 again (the first of 20 in a row) is the recovery. The figure is
 * the contacts answered 202/s under the overload: next to the sustainable rate, how much of its capacity intake
 * keeps while it sheds the rest.
 */
public final class IntakeOverloadBench {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    /** Requests awaiting their answer at once at most; a due arrival beyond is counted unanswered, not sent. */
    private static final int MAX_OUTSTANDING = 4000;
    private static final int RECOVERED_IN_A_ROW = 20;

    private IntakeOverloadBench() {
    }

    public static BenchResult run(Duration warmUp, Duration measure, Duration overload, int connections)
            throws Exception {
        try (BenchStack stack = new BenchStack(3)) {
            ServiceProcess intake = stack.start("intake-service", Map.of("quarkus.log.level", "WARN"));
            Gateway gateway = new Gateway(intake.baseUrl(), stack.gatewayKey);
            double sustainable = sustainableRate(gateway, connections, warmUp, measure);
            long rssBefore = stack.currentRssMb().get("intake-service");

            MemoryWatch memory = MemoryWatch.start(gateway, stack);
            Tally tally = new Tally();
            double offered = 2 * sustainable;
            Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
            long sent = FixedRate.run(offered, overload, (n, due) -> {
                tally.sendLag.record((System.nanoTime() - due) / 1000);
                if (!outstanding.tryAcquire()) {
                    tally.unanswered.increment();
                    return;
                }
                gateway.http.sendAsync(gateway.post("overload-", n), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            outstanding.release();
                            tally.record(response == null ? -1 : response.statusCode(), System.nanoTime() - due);
                        });
            });
            double recoverySeconds = recoverySeconds(gateway);
            outstanding.acquire(MAX_OUTSTANDING);
            memory.close();
            String metrics = gateway.metrics();

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("connections", connections);
            details.put("sustainablePerSecond", round(sustainable));
            details.put("offeredPerSecond", round(offered));
            details.put("overloadSeconds", overload.toSeconds());
            details.put("arrivals", sent);
            details.put("share202", tally.share(202));
            details.put("share429", tally.share(429));
            details.put("share503", tally.share(503));
            details.put("shareOther", tally.shareOther());
            details.put("shareUnanswered", tally.shareUnanswered());
            details.put("latency202P50Ms", tally.accepted.percentileMillis(0.5));
            details.put("latency202P99Ms", tally.accepted.percentileMillis(0.99));
            details.put("latency503P50Ms", tally.refused.percentileMillis(0.5));
            details.put("latency503P99Ms", tally.refused.percentileMillis(0.99));
            details.put("sendLagP99Ms", tally.sendLag.percentileMillis(0.99));
            details.put("shedLineFull", sample(metrics, "tierline_intake_requests_shed_total{", "line-full"));
            details.put("shedWaitedTooLong", sample(metrics, "tierline_intake_requests_shed_total{",
                    "waited-too-long"));
            details.put("peakHeapMb", memory.peakHeapMb());
            details.put("heapMaxMb", memory.heapMaxMb());
            details.put("rssBeforeOverloadMb", rssBefore);
            details.put("peakRssDuringOverloadMb", memory.peakRssMb.get());
            details.put("peakRssMb", stack.peakRssMb());
            details.put("recoverySeconds", recoverySeconds);
            double acceptedPerSecond = tally.count(202) / (overload.toNanos() / 1e9);
            return new BenchResult("intake-overload", "contacts accepted/s at twice the sustainable rate",
                    acceptedPerSecond, "1/s", "sustainable contacts accepted/s (closed loop, same run)", sustainable,
                    true, "at 2x the sustainable rate: 429/503 quickly instead of timeouts, bounded memory, recovery "
                            + "by itself", details);
        }
    }

    /**
     * Contacts answered 202 a second by {@code connections} closed-loop clients over {@code measure}, after
     * {@code warmUp} of the same (a cold JVM takes in a fraction of what it does once compiled).
     */
    private static double sustainableRate(Gateway gateway, int connections, Duration warmUp, Duration measure)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder accepted = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    if (gateway.send("steady-", sequence.incrementAndGet()) == 202) {
                        accepted.increment();
                    }
                }
                return null;
            });
        }
        Thread.sleep(warmUp.toMillis());
        long before = accepted.sum();
        Thread.sleep(measure.toMillis());
        double rate = (accepted.sum() - before) / (measure.toNanos() / 1e9);
        stop.set(true);
        clients.shutdown();
        clients.awaitTermination(CLIENT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        return rate;
    }

    /**
     * From now (the load just dropped) one client posts contacts one after another; the seconds until the answer
     * to the first of {@value #RECOVERED_IN_A_ROW} answered 202 in a row, or NaN if that did not happen within 2 min.
     */
    private static double recoverySeconds(Gateway gateway) throws InterruptedException {
        long dropped = System.nanoTime();
        long giveUp = dropped + Duration.ofMinutes(2).toNanos();
        long runStart = 0;
        int inARow = 0;
        for (long n = 0; inARow < RECOVERED_IN_A_ROW && System.nanoTime() < giveUp; n++) {
            if (gateway.send("after-", n) == 202) {
                runStart = inARow == 0 ? System.nanoTime() : runStart;
                inARow++;
            } else {
                inARow = 0;
            }
        }
        return inARow < RECOVERED_IN_A_ROW ? Double.NaN : round((runStart - dropped) / 1e9);
    }

    /** The intake under test, as the bench's gateway sees it. */
    private static final class Gateway {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String baseUrl;
        private final String apiKey;

        Gateway(String baseUrl, String apiKey) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
        }

        /** The n-th contact of a phase (the throughput benchmark's bodies), its key named after the phase. */
        HttpRequest post(String phase, long n) {
            return HttpRequest.newBuilder(URI.create(baseUrl + "/contacts")).timeout(CLIENT_TIMEOUT)
                    .header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + phase + n)
                    .header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(IntakeThroughputBench.body(n))).build();
        }

        /** Posts a contact and waits for the answer: its status, -1 for none. */
        int send(String phase, long n) throws InterruptedException {
            try {
                return http.send(post(phase, n), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            }
        }

        String metrics() throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).timeout(CLIENT_TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** The overload's answers by status and the latencies of the 202s and the 503s. */
    private static final class Tally {
        final Latencies accepted = new Latencies();
        final Latencies refused = new Latencies();
        /** How late the sender was on its schedule (part of every latency; large when this JVM is starved). */
        final Latencies sendLag = new Latencies();
        final LongAdder unanswered = new LongAdder();
        private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

        void record(int status, long nanosSinceDue) {
            if (status < 0) {
                unanswered.increment();
                return;
            }
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status == 202) {
                accepted.record(nanosSinceDue / 1000);
            } else if (status == 503) {
                refused.record(nanosSinceDue / 1000);
            }
        }

        long count(int status) {
            LongAdder n = byStatus.get(status);
            return n == null ? 0 : n.sum();
        }

        private long total() {
            return byStatus.values().stream().mapToLong(LongAdder::sum).sum() + unanswered.sum();
        }

        double share(int status) {
            return round((double) count(status) / total());
        }

        double shareOther() {
            return round((double) (total() - unanswered.sum() - count(202) - count(429) - count(503)) / total());
        }

        double shareUnanswered() {
            return round((double) unanswered.sum() / total());
        }
    }

    /** Intake's heap (from its /q/metrics) and RSS, sampled twice a second while the overload runs. */
    private static final class MemoryWatch implements AutoCloseable {
        final AtomicLong peakHeapBytes = new AtomicLong();
        final AtomicLong heapMaxBytes = new AtomicLong();
        final AtomicLong peakRssMb = new AtomicLong();
        private final Thread thread;
        private volatile boolean stop;

        private MemoryWatch(Gateway gateway, BenchStack stack) {
            thread = new Thread(() -> {
                while (!stop) {
                    try {
                        String metrics = gateway.metrics();
                        peakHeapBytes.accumulateAndGet((long) heap(metrics, "jvm_memory_used_bytes{"), Math::max);
                        heapMaxBytes.set((long) heap(metrics, "jvm_memory_max_bytes{"));
                    } catch (IOException | RuntimeException e) {
                        // a scrape refused or timed out under load: the next one counts
                    } catch (InterruptedException e) {
                        return;
                    }
                    peakRssMb.accumulateAndGet(stack.currentRssMb().get("intake-service"), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-memory-watch");
            thread.setDaemon(true);
        }

        static MemoryWatch start(Gateway gateway, BenchStack stack) {
            MemoryWatch watch = new MemoryWatch(gateway, stack);
            watch.thread.start();
            return watch;
        }

        long peakHeapMb() {
            return peakHeapBytes.get() / (1024 * 1024);
        }

        long heapMaxMb() {
            return heapMaxBytes.get() / (1024 * 1024);
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** The sum over the heap's memory pools of a {@code jvm_memory_*_bytes} series (pools without a max left out). */
    private static double heap(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series) && l.contains("area=\"heap\""))
                .mapToDouble(IntakeOverloadBench::value).filter(v -> v >= 0).sum();
    }

    /** The value of the series' sample whose labels contain {@code label}, 0 if there is none. */
    private static double sample(String metrics, String series, String label) {
        return metrics.lines().filter(l -> l.startsWith(series) && l.contains(label))
                .mapToDouble(IntakeOverloadBench::value).findFirst().orElse(0);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", value));
    }
}
