package io.tierline.routing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MatchingBenchmark} (one fork, short warm-up) and prints the decisions per second next to the
 * same run's baseline and their ratio. Not a test: the normal build compiles it but never runs it. Arguments:
 * the seconds per iteration (default 2) and, optionally, a file to write the figures to as JSON, which
 * {@code bench/run} turns into a row of the day's report.
 */
public final class MatchingBenchmarkMain {

    private MatchingBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Options options = new OptionsBuilder()
                .include(MatchingBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> perSecond = results.stream().collect(Collectors.toMap(
                r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                r -> r.getPrimaryResult().getScore()));
        double all = perSecond.get("decideAmongAllAgents");
        double page = perSecond.get("decideAmongCandidates");
        double baseline = perSecond.get("baselineScanAllAgents");
        System.out.printf("%nMatching core, 10,000 agents, 200 queues (1 thread):%n");
        System.out.printf("  decisions/s among all agents:        %,14.0f%n", all);
        System.out.printf("  decisions/s among a candidate page:  %,14.0f%n", page);
        System.out.printf("  baseline trivial scans/s (all):      %,14.0f%n", baseline);
        System.out.printf("  a decision among all agents costs %.1fx a trivial scan of them%n", baseline / all);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), String.format(Locale.ROOT,
                    "{\"agents\": 10000, \"queues\": 200, \"decideAmongAllAgentsPerSecond\": %.1f,"
                            + " \"decideAmongCandidatesPerSecond\": %.1f, \"baselineScanAllAgentsPerSecond\": %.1f}%n",
                    all, page, baseline));
        }
    }
}
