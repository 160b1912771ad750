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
 * <p>Each step is a fresh stack (broker, store, intake, the routing instances) driven at one fixed Poisson rate:
 * a step passes when the p99 of the contacts that arrived after the warm-up is within the limit and no contact
 * is left waiting after the drain (a contact routing never got to would otherwise drop out of the percentile).
 * Rates double from {@code start} until a step fails or {@code max} passed; the figure is the last rate that
 * passed (0 when even the first failed).
 */
public final class RoutingCapacityBench {

    private RoutingCapacityBench() {
    }

    public static BenchResult run(int agents, double start, double max, Duration step, Duration warmUp, double limitMs)
            throws Exception {
        Search one = search(1, agents, start, max, step, warmUp, limitMs);
        Search two = search(2, agents, start, max, step, warmUp, limitMs);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("agents", agents);
        details.put("p99LimitMs", limitMs);
        details.put("stepSeconds", step.toSeconds());
        details.put("warmUpSecondsNotMeasured", warmUp.toSeconds());
        details.put("oneInstance", one.toMap());
        details.put("twoInstances", two.toMap());
        return new BenchResult("routing-capacity, " + agents + " agents", "sustained arrivals/s, two routing instances",
                two.sustained(), "1/s", "sustained arrivals/s, one routing instance (same run)", one.sustained(),
                true, "largest rate with post-to-offer p99 <= " + (long) limitMs + " ms; the ratio is the scaling "
                        + "ratio of two instances", details);
    }

    private static Search search(int instances, int agents, double start, double max, Duration step,
            Duration warmUp, double limitMs) throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        double sustained = 0;
        for (double rate = start; rate <= max; rate *= 2) {
            Map<String, Object> s = step(instances, agents, rate, step, warmUp);
            double p99 = ((Number) s.get("p99Ms")).doubleValue();
            long waiting = ((Number) s.get("waitingAtEnd")).longValue();
            boolean passed = !Double.isNaN(p99) && p99 <= limitMs && waiting == 0;
            s.put("passed", passed);
            steps.add(s);
            System.out.printf("routing-capacity: %d instance(s), %.0f/s: p99 %.1f ms, %d left waiting -> %s%n",
                    instances, rate, p99, waiting, passed ? "sustained" : "not sustained");
            if (!passed) {
                break;
            }
            sustained = rate;
        }
        return new Search(instances, sustained, steps);
    }

    private static Map<String, Object> step(int instances, int agents, double rate, Duration measure, Duration warmUp)
            throws Exception {
        try (BenchStack stack = new BenchStack(6)) {
            ServiceProcess intake = stack.start("intake-service", Map.of("quarkus.log.level", "WARN"));
            List<ServiceProcess> routing = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                routing.add(stack.start("routing-service", Map.of("quarkus.log.level", "WARN")));
            }
            String routingUrls = routing.stream().map(ServiceProcess::baseUrl).collect(Collectors.joining(","));
            Scenario scenario = OfferLatencyBench.scenario(agents, rate, measure.plus(warmUp));
            Map<String, Object> figures = Simulator.runForFigures(scenario, intake.baseUrl(), routingUrls,
                    stack.gatewayKey, JvmTokens.get(), Duration.ofSeconds(10), warmUp);
            @SuppressWarnings("unchecked")
            Map<String, Object> offer = (Map<String, Object>) figures.get("postToOfferMillis");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("arrivalsPerSecond", rate);
            s.put("p50Ms", offer.get("p50"));
            s.put("p99Ms", offer.get("p99"));
            s.put("p999Ms", offer.get("p999"));
            s.put("offersMeasured", offer.get("count"));
            s.put("accepted", figures.get("accepted by intake (202)"));
            s.put("waitingAtEnd", figures.get("waiting at the end"));
            s.put("peakRssMb", stack.peakRssMb());
            return s;
        }
    }

    private record Search(int instances, double sustained, List<Map<String, Object>> steps) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instances", instances);
            m.put("sustainedPerSecond", sustained);
            m.put("steps", steps);
            return m;
        }
    }
}
