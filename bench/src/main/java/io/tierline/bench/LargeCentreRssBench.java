package io.tierline.bench;

import io.tierline.embedded.JvmTokens;
import io.tierline.embedded.ProcessMemory;
import io.tierline.simulator.Scenario;
import io.tierline.simulator.ScenarioLoader;
import io.tierline.simulator.Simulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 7's memory figure: peak resident set size of each service, of the broker and store (this JVM, which also
 * runs the simulator) and of the whole stack, while the shipped {@code large-centre} scenario (10,000 agents with
 * open SSE desktops) runs against intake, routing, escalation and metrics; next to it, the same stack's RSS once
 * started and idle, in the same run.
 */
public final class LargeCentreRssBench {

    private static final long SELF = ProcessHandle.current().pid();

    private LargeCentreRssBench() {
    }

    public static BenchResult run(Duration duration) throws Exception {
        try (BenchStack stack = new BenchStack(6)) {
            String intake = stack.start("intake-service", Map.of("quarkus.log.level", "WARN")).baseUrl();
            String routing = stack.start("routing-service", Map.of("quarkus.log.level", "WARN")).baseUrl();
            stack.start("escalation-service", Map.of("quarkus.log.level", "WARN"));
            stack.start("metrics-service", Map.of("quarkus.log.level", "WARN"));
            Map<String, Long> idle = stack.currentRssMb();
            idle.put("broker, store and simulator (bench JVM)", ProcessMemory.rssMb(SELF));
            Scenario shipped = ScenarioLoader.load("large-centre");
            Scenario scenario = new Scenario(shipped.name(), shipped.description(), shipped.seed(), duration,
                    shipped.arrivals(), shipped.customers(), shipped.queues(), shipped.agents());
            Map<String, Object> figures = Simulator.runForFigures(scenario, intake, routing, stack.gatewayKey,
                    JvmTokens.get(), Duration.ZERO, Duration.ZERO);
            Map<String, Long> peak = stack.peakRssMb();
            peak.put("broker, store and simulator (bench JVM)", ProcessMemory.peakRssMb(SELF));
            long peakTotal = peak.values().stream().mapToLong(Long::longValue).sum();
            long idleTotal = idle.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("agents", scenario.agentCount());
            details.put("seconds", duration.toSeconds());
            details.put("peakRssMb", peak);
            details.put("idleRssMb", idle);
            details.put("simulation", figures);
            return new BenchResult("large-centre-rss", "peak RSS of the whole stack", peakTotal, "MB",
                    "RSS of the same stack started and idle (same run)", idleTotal, false,
                    "report each service's and the whole stack's peak RSS (no target)", details);
        }
    }
}
