package io.tierline.simulator;

import io.tierline.identity.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a scenario against a running Tierline through its public API: sets up the scenario's queues and agents
 * in routing, opens one SSE desktop per agent, posts the arrivals on schedule, prints a progress line every few
 * seconds and a summary table at the end.
 */
public final class Simulator {

    /** How long the agents of a scenario may take to sign in before traffic starts regardless. */
    private static final Duration SIGN_IN_LIMIT = Duration.ofMinutes(3);

    private final Scenario scenario;
    private final Options options;
    private final Tally tally = new Tally();
    private final Contacts contacts;
    private Summary summary;

    Simulator(Scenario scenario, Options options) {
        this.scenario = scenario;
        this.options = options;
        this.contacts = new Contacts(tally, options.warmUp().toMillis());
    }

    public static void main(String[] args) {
        Options options;
        Scenario scenario;
        try {
            options = Options.parse(args, System.getenv());
            scenario = ScenarioLoader.load(options.scenario());
        } catch (IllegalArgumentException | ScenarioLoader.ScenarioException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.seed() != null || options.duration() != null) {
            scenario = new Scenario(scenario.name(), scenario.description(),
                    options.seed() != null ? options.seed() : scenario.seed(),
                    options.duration() != null ? options.duration() : scenario.duration(),
                    scenario.arrivals(), scenario.customers(), scenario.queues(), scenario.agents());
        }
        int code = new Simulator(scenario, options).run();
        System.exit(code);
    }

    /**
     * Runs a scenario against running services and answers the summary figures (what {@code --summary-json}
     * writes): for benchmarks that drive Tierline with simulated traffic.
     */
    public static Map<String, Object> runForFigures(Scenario scenario, String intake, String routing, String apiKey,
            DevTokens tokens, Duration drain, Duration warmUp) {
        Simulator simulator = new Simulator(scenario, new Options(scenario.name(), intake, routing, null, null, apiKey,
                null, 4096, drain, warmUp, Options.RETRY_WINDOW, tokens));
        if (simulator.run() != 0) {
            throw new IllegalStateException("the simulation failed; see its output");
        }
        return simulator.summary.figures();
    }

    /**
     * Starts a scenario against running services in the background, for tests that act on Tierline while the
     * traffic flows (kill a service, stop the broker): the gateways repeat a post for up to {@code retryWindow},
     * the desktops move between the routing instances (comma-separated) and repeat their commands.
     */
    public static Simulation start(Scenario scenario, String intake, String routing, String apiKey, DevTokens tokens,
            Duration drain, Duration retryWindow) {
        Simulator simulator = new Simulator(scenario, new Options(scenario.name(), intake, routing, null, null, apiKey,
                null, 4096, drain, Duration.ZERO, retryWindow, tokens));
        return new Simulation(simulator);
    }

    /** A simulation running in the background. */
    public static final class Simulation {
        private final Simulator simulator;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        private Simulation(Simulator simulator) {
            this.simulator = simulator;
            Thread runner = new Thread(() -> exit.complete(simulator.run()), "simulation");
            runner.setDaemon(true);
            runner.start();
        }

        /** Whether the agents are signed in and arrivals have begun. */
        public boolean trafficStarted() {
            return simulator.trafficStarted;
        }

        /** The ids of the contacts intake has acknowledged (2xx) so far. */
        public java.util.Set<String> acknowledged() {
            return simulator.contacts.ids();
        }

        /** Ends the arrivals now (before the scenario's duration); the run then drains and ends. */
        public void stopArrivals() {
            simulator.stopped = true;
        }

        /** Waits for the end of the run (arrivals, then the drain) and answers the summary figures. */
        public Map<String, Object> await(Duration atMost) throws InterruptedException, TimeoutException {
            try {
                if (exit.get(atMost.toMillis(), TimeUnit.MILLISECONDS) != 0) {
                    throw new IllegalStateException("the simulation failed; see its output");
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            return simulator.summary.figures();
        }
    }

    private volatile boolean stopped;
    private volatile boolean trafficStarted;
    /** When the measured arrivals began and when the arrivals ended (epoch milliseconds); null before they end. */
    private long[] measuredWindow;

    int run() {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("sim-timer"));
        ExecutorService io = Executors.newFixedThreadPool(4, daemon("sim-http"));
        Http http = new Http(io, Duration.ofSeconds(30));
        Retrying retrying = new Retrying(http, timer, options.retryWindow());
        long warmUp = options.warmUp().toMillis();
        Gateway gateway = new Gateway(retrying, options.intake(), options.apiKey(), scenario, runId, timer, tally,
                contacts, options.maxInFlight(), warmUp);
        System.out.printf("Scenario %s (seed %d, %s, %d agents): %s%n", scenario.name(), scenario.seed(),
                scenario.duration(), scenario.agentCount(), scenario.description());
        List<Desk> desks = new ArrayList<>();
        try {
            // several routing instances (comma-separated): queues through the first, desks spread over all
            List<String> routings = List.of(options.routing().split(","));
            for (Map<String, Object> queue : scenario.queues()) {
                Map<String, Object> body = new LinkedHashMap<>(queue);
                Object id = body.remove("id");
                http.call("PUT", routings.get(0) + "/queues/" + id, body, Bearer.admin(options.tokens()).headers());
            }
            for (AgentGroup group : scenario.agents()) {
                for (int n = 1; n <= group.count(); n++) {
                    Desk desk = new Desk(group, n, http, retrying, routings, desks.size(), options.tokens(),
                            scenario.seed(), timer, tally, contacts, gateway);
                    desk.register();
                    desks.add(desk);
                }
            }
            signIn(desks);
            System.out.printf("%d queues and %d agents ready; traffic starts (run %s)%n", scenario.queues().size(),
                    desks.size(), runId);
            trafficStarted = true;
            long start = System.nanoTime();
            long startedAt = System.currentTimeMillis();
            var progress = timer.scheduleAtFixedRate(() -> progress(start), 5, 5, TimeUnit.SECONDS);
            arrivals(start, gateway);
            measuredWindow = new long[] {startedAt + warmUp, System.currentTimeMillis()};
            drain();
            progress.cancel(false);
            progress(start);
        } catch (RuntimeException e) {
            System.err.println("simulation stopped: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // the desktops' streams are closed, or routing goes on streaming to agents whose shift is over (and a
            // JVM running many simulations, as the benchmarks do, runs out of file descriptors)
            desks.forEach(Desk::close);
            timer.shutdownNow();
            io.shutdownNow();
        }
        summary = new Summary(scenario, tally, measuredWindow);
        System.out.println(summary.table());
        if (options.summaryJson() != null) {
            try {
                Files.writeString(Path.of(options.summaryJson()), summary.json());
            } catch (Exception e) {
                System.err.println("could not write " + options.summaryJson() + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /**
     * Opens every desk and waits until routing has signed them all in (a shift starts with its agents logged in):
     * traffic posted while thousands of sign-ins are still being handled would measure the sign-ins.
     */
    private static void signIn(List<Desk> desks) throws InterruptedException {
        long begin = System.nanoTime();
        var signIns = desks.stream().map(Desk::open).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(signIns).get(SIGN_IN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.out.printf("not every agent signed in within %s (%s); traffic starts anyway%n", SIGN_IN_LIMIT,
                    e.getMessage());
        }
        System.out.printf("%d agents signed in in %.1f s%n", desks.size(), (System.nanoTime() - begin) / 1e9);
    }

    private void arrivals(long start, Gateway gateway) throws InterruptedException {
        ArrivalSchedule schedule = new ArrivalSchedule(scenario);
        long until = scenario.duration().toMillis();
        Arrival a;
        while (!stopped && (a = schedule.next(until)) != null) {
            long due = start + a.atMillis() * 1_000_000;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            gateway.post(a, due);
        }
        long end = start + until * 1_000_000;
        while (!stopped && System.nanoTime() < end) {
            LockSupport.parkNanos(Math.min(end - System.nanoTime(), 200_000_000L));
        }
    }

    /** After the arrivals: wait until nothing is waiting or in handling (and the last answers are back), up to --drain. */
    private void drain() throws InterruptedException {
        long until = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < until && (tally.waiting.get() > 0 || tally.inHandling.get() > 0
                || tally.posted.sum() > tally.accepted.sum() + tally.rejected.sum() + tally.failed.sum())) {
            Thread.sleep(200);
        }
    }

    private long lastPosted;
    private long lastAt;

    private synchronized void progress(long start) {
        long now = System.nanoTime();
        long posted = tally.posted.sum();
        double rate = lastAt == 0 ? posted / Math.max(1e-9, (now - start) / 1e9)
                : (posted - lastPosted) / Math.max(1e-9, (now - lastAt) / 1e9);
        lastPosted = posted;
        lastAt = now;
        System.out.printf(Locale.ROOT, "[%s] offered %d  answered %d  waiting %d  resolved %d  escalated %d  abandoned %d"
                        + "  rate %.1f/s%n", elapsed(now - start), tally.accepted.sum(), tally.answered.sum(),
                tally.waiting.get(), tally.resolved.sum(), tally.escalated.sum(), tally.abandoned.sum(), rate);
    }

    private static String elapsed(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
