package io.tierline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the system benchmarks named on the command line (default: all) and writes
 * {@code bench/results/<date>.json} and {@code .md}: per benchmark the figure, its same-run baseline and the
 * ratio. {@code bench/run} calls it after building. The issues' sizes are the defaults; system properties
 * {@code bench.intake.seconds}, {@code bench.intake.warmup}, {@code bench.intake.connections}, {@code bench.offer.agents}, {@code bench.offer.rate},
 * {@code bench.offer.seconds}, {@code bench.capacity.start}, {@code bench.capacity.factor}, {@code bench.capacity.max},
 * {@code bench.capacity.seconds}, {@code bench.capacity.min-offers}, {@code bench.capacity.warmup},
 * {@code bench.capacity.step-warmup},
 * {@code bench.kpi.rate}, {@code bench.kpi.seconds}, {@code bench.kpi.poll-ms}, {@code bench.kpi.warmup},
 * {@code bench.kpi.agents}, {@code bench.overload.warmup}, {@code bench.overload.measure},
 * {@code bench.overload.seconds} and {@code bench.overload.connections} change them for a quick trial.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? List.of("intake-throughput", "post-to-offer-latency", "kpi-freshness",
                "routing-capacity", "large-centre-rss", "intake-overload")
                : List.of(args);
        Path root = Path.of(System.getProperty("tierline.root", "."));
        List<BenchResult> results = new ArrayList<>();
        for (String name : names) {
            System.out.println("== " + name);
            BenchResult r = switch (name) {
                case "intake-throughput" -> IntakeThroughputBench.run(
                        Duration.ofSeconds(Long.getLong("bench.intake.seconds", 30)),
                        Duration.ofSeconds(Long.getLong("bench.intake.warmup", 120)),
                        Integer.getInteger("bench.intake.connections", 64));
                case "post-to-offer-latency" -> OfferLatencyBench.run(Integer.getInteger("bench.offer.agents", 2000),
                        Integer.getInteger("bench.offer.rate", 500),
                        Duration.ofSeconds(Long.getLong("bench.offer.seconds", 60)));
                case "kpi-freshness" -> KpiFreshnessBench.run(Integer.getInteger("bench.kpi.rate", 2000),
                        Duration.ofSeconds(Long.getLong("bench.kpi.seconds", 60)));
                case "routing-capacity" -> RoutingCapacityBench.run(Integer.getInteger("bench.capacity.agents", 2000),
                        new RoutingCapacityBench.Plan(
                                Double.parseDouble(System.getProperty("bench.capacity.start", "5")),
                                Double.parseDouble(System.getProperty("bench.capacity.factor", "1.5")),
                                Double.parseDouble(System.getProperty("bench.capacity.max", "640")),
                                Duration.ofSeconds(Long.getLong("bench.capacity.seconds", 45)),
                                Integer.getInteger("bench.capacity.min-offers", 1000),
                                Duration.ofSeconds(Long.getLong("bench.capacity.warmup", 120)),
                                Duration.ofSeconds(Long.getLong("bench.capacity.step-warmup", 20)), 100));
                case "large-centre-rss" -> LargeCentreRssBench.run(
                        Duration.ofSeconds(Long.getLong("bench.rss.seconds", 120)));
                case "intake-overload" -> IntakeOverloadBench.run(
                        Duration.ofSeconds(Long.getLong("bench.overload.warmup", 60)),
                        Duration.ofSeconds(Long.getLong("bench.overload.measure", 30)),
                        Duration.ofSeconds(Long.getLong("bench.overload.seconds", 60)),
                        Integer.getInteger("bench.overload.connections", 64));
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            };
            System.out.println(r.line());
            results.add(r);
        }
        write(root.resolve("bench/results"), results);
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static final String DETAILS_LINE = "Details are in the JSON file of the same date.";

    /** What follows the table's closing line in an existing report (notes added by hand), or nothing. */
    static String notesOf(Path report) throws IOException {
        if (!Files.exists(report)) {
            return "";
        }
        String text = Files.readString(report);
        int at = text.indexOf(DETAILS_LINE);
        int lineEnd = at < 0 ? -1 : text.indexOf('\n', at);
        return lineEnd < 0 ? "" : text.substring(lineEnd + 1);
    }

    static void write(Path dir, List<BenchResult> results) throws Exception {
        Files.createDirectories(dir);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        // a later run the same day replaces the benchmarks it ran and keeps the others
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        Path existing = dir.resolve(date + ".json");
        if (Files.exists(existing)) {
            for (var node : json.readTree(existing.toFile()).path("results")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = json.convertValue(node, Map.class);
                byName.put((String) r.get("name"), r);
            }
        }
        results.forEach(r -> byName.put(r.name(), r.toMap()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", date);
        doc.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "java", System.getProperty("java.version")));
        doc.put("results", List.copyOf(byName.values()));
        Files.writeString(existing, json.writeValueAsString(doc));
        StringBuilder md = new StringBuilder("# Benchmark report " + date + "\n\n");
        md.append(String.format(Locale.ROOT, "%d cores, %s, Java %s. Figures and baselines are from the same run.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version")));
        md.append("| benchmark | figure | baseline | ratio | target |\n| --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> r : byName.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %s: %.1f %s | %s: %.1f %s | %.3f | %s |%n", r.get("name"),
                    r.get("figureName"), num(r.get("figure")), r.get("unit"), r.get("baselineName"), num(r.get("baseline")),
                    r.get("unit"), num(r.get("ratio")), r.get("target")));
        }
        md.append("\n").append(DETAILS_LINE).append("\n");
        Path report = dir.resolve(date + ".md");
        // the notes written under the table by hand (what changed, what a run showed) stay
        md.append(notesOf(report));
        Files.writeString(report, md.toString());
        System.out.println("wrote " + dir.resolve(date + ".md"));
    }
}
