package io.tierline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 4's matching-core benchmark as a row of the report: routing's JMH benchmark ({@code MatchingBenchmarkMain},
 * in routing-service's test sources) run in a JVM of its own, after every stack is closed, on the classpath that
 * {@code bench/run} resolves into {@code -Dbench.matching.classpath}. The figure is routing decisions per second
 * among all 10,000 agents; the baseline is the same run's trivial scan of those agents (free capacity on the
 * contact's channel), so the ratio is the share of a bare pass over the agents that a real decision reaches.
 */
public final class RoutingMatchingBench {

    private RoutingMatchingBench() {
    }

    public static BenchResult run(String classpath, int secondsPerIteration) throws Exception {
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("routing-matching needs -Dbench.matching.classpath (bench/run sets it)");
        }
        Path out = Files.createTempFile("tierline-matching-", ".json");
        try {
            Process jmh = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, "io.tierline.routing.bench.MatchingBenchmarkMain",
                    Integer.toString(secondsPerIteration), out.toString())
                    .inheritIO().start();
            int exit = jmh.waitFor();
            if (exit != 0 || Files.size(out) == 0) {
                throw new IllegalStateException("the matching benchmark exited with " + exit);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = new ObjectMapper().readValue(out.toFile(), Map.class);
            Map<String, Object> details = new LinkedHashMap<>(figures);
            details.put("secondsPerIteration", secondsPerIteration);
            return new BenchResult("routing-matching-core, 10000 agents, 200 queues",
                    "decisions/s among all agents",
                    ((Number) figures.get("decideAmongAllAgentsPerSecond")).doubleValue(),
                    "1/s", "trivial scans of all agents/s (same run)",
                    ((Number) figures.get("baselineScanAllAgentsPerSecond")).doubleValue(), true,
                    "a JMH benchmark with 10,000 agents and 200 queues prints decisions per second", details);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
