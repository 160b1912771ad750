package io.tierline.bench;

import io.tierline.embedded.JvmTokens;
import io.tierline.embedded.ServiceProcess;
import io.tierline.simulator.Scenario;
import io.tierline.simulator.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Issue 7's capacity figure: the largest arrival rate routing sustains with {@code agents} simulated desktops
 * before the post-to-offer p99 exceeds the limit (100 ms), with one routing instance and with two (same consumer
 * group, desktops spread over both), and the scaling ratio between them.
 *
 * <p>Each search is one stack (broker, store, intake, the routing instances), warmed up once: the first step
 * drives {@code warmUp} of unmeasured arrivals at the start rate (on two cores the JVMs compile for the first
 * two minutes or more), later steps {@code stepWarmUp} (the desktops sign in again and the rate settles). A step
 * is one fixed Poisson rate measured for {@code step}, or for as long as {@code minOffers} arrivals take if that
 * is longer (at 5/s, 30 s hold 150 offers and their p99 is the second worst). It passes when the p99 of the
 * contacts that arrived after its warm-up is within the limit and no contact is left waiting after the drain (a
 * contact routing never got to would otherwise drop out of the percentile). Rates grow by {@code factor} from
 * {@code start} until a step fails or {@code max} passed; the figure is the last rate that passed (0 when even the first failed).
 */
public final class RoutingCapacityBench {

    private RoutingCapacityBench() {
    }

    /** The rates of a search and how long each step runs. */
    public record Plan(double start, double factor, double max, Duration step, int minOffers, Duration warmUp,
            Duration stepWarmUp, double limitMs) {
        public Plan {
            if (start <= 0 || factor <= 1) {
                throw new IllegalArgumentException("start must be > 0 and factor > 1");
            }
        }

        /**
         * How long a step at this rate is measured: {@code step}, or longer where that would measure fewer than
         * {@code minOffers} offers, so that the p99 always stands on the same number of offers above it.
         */
        Duration measured(double rate) {
            return Duration.ofSeconds(Math.max(step.toSeconds(), (long) Math.ceil(minOffers / rate)));
        }
    }

    public static BenchResult run(int agents, Plan plan) throws Exception {
        Search one = search(1, agents, plan);
        Search two = search(2, agents, plan);
        double limitMs = plan.limitMs();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("agents", agents);
        details.put("p99LimitMs", limitMs);
        details.put("stepSeconds", plan.step().toSeconds());
        details.put("minOffersPerStep", plan.minOffers());
        details.put("rateFactor", plan.factor());
        details.put("warmUpSecondsNotMeasured", plan.warmUp().toSeconds());
        details.put("stepWarmUpSecondsNotMeasured", plan.stepWarmUp().toSeconds());
        details.put("oneInstance", one.toMap());
        details.put("twoInstances", two.toMap());
        return new BenchResult("routing-capacity, " + agents + " agents", "sustained arrivals/s, two routing instances",
                two.sustained(), "1/s", "sustained arrivals/s, one routing instance (same run)", one.sustained(),
                true, "largest rate with post-to-offer p99 <= " + (long) limitMs + " ms; the ratio is the scaling "
                        + "ratio of two instances", details);
    }

    private static Search search(int instances, int agents, Plan plan) throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        double sustained = 0;
        try (BenchStack stack = new BenchStack(6)) {
            ServiceProcess intake = stack.start("intake-service", Map.of("quarkus.log.level", "WARN"));
            List<ServiceProcess> routing = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                routing.add(stack.start("routing-service", Map.of("quarkus.log.level", "WARN")));
            }
            String routingUrls = routing.stream().map(ServiceProcess::baseUrl).collect(Collectors.joining(","));
            Duration warmUp = plan.warmUp();
            for (double rate = plan.start(); rate <= plan.max(); rate = Math.round(rate * plan.factor() * 10) / 10.0) {
                Map<String, Object> s = step(stack, intake, routingUrls, agents, rate, plan.measured(rate), warmUp);
                warmUp = plan.stepWarmUp();
                double p99 = ((Number) s.get("p99Ms")).doubleValue();
                long waiting = ((Number) s.get("waitingAtEnd")).longValue();
                boolean passed = !Double.isNaN(p99) && p99 <= plan.limitMs() && waiting == 0;
                s.put("passed", passed);
                steps.add(s);
                System.out.printf("routing-capacity: %d instance(s), %.1f/s: p99 %.1f ms, %d left waiting -> %s%n",
                        instances, rate, p99, waiting, passed ? "sustained" : "not sustained");
                if (!passed) {
                    break;
                }
                sustained = rate;
            }
            return new Search(instances, sustained, steps, stack.peakRssMb());
        }
    }

    /** One rate against the running stack; the simulator's desktops and contacts are new each step. */
    private static Map<String, Object> step(BenchStack stack, ServiceProcess intake, String routingUrls, int agents,
            double rate, Duration measure, Duration warmUp) {
        Scenario scenario = OfferLatencyBench.scenario(agents, rate, measure.plus(warmUp));
        Map<String, Object> figures = Simulator.runForFigures(scenario, intake.baseUrl(), routingUrls,
                stack.gatewayKey, JvmTokens.get(), Duration.ofSeconds(10), warmUp);
        @SuppressWarnings("unchecked")
        Map<String, Object> offer = (Map<String, Object>) figures.get("postToOfferMillis");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("arrivalsPerSecond", rate);
        s.put("warmUpSeconds", warmUp.toSeconds());
        s.put("measuredSeconds", measure.toSeconds());
        s.put("p50Ms", offer.get("p50"));
        s.put("p99Ms", offer.get("p99"));
        s.put("p999Ms", offer.get("p999"));
        s.put("offersMeasured", offer.get("count"));
        s.put("accepted", figures.get("accepted by intake (202)"));
        s.put("waitingAtEnd", figures.get("waiting at the end"));
        return s;
    }

    private record Search(int instances, double sustained, List<Map<String, Object>> steps,
            Map<String, Long> peakRssMb) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instances", instances);
            m.put("sustainedPerSecond", sustained);
            m.put("steps", steps);
            m.put("peakRssMb", peakRssMb);
            return m;
        }
    }
}
