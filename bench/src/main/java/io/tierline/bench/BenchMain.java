package io.tierline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the system benchmarks named on the command line (default: all) and writes
 * {@code bench/results/<date>.json} and {@code .md}: per benchmark the figure, its same-run baseline and the
 * ratio. {@code bench/run} calls it after building. The issues' sizes are the defaults (post-to-offer's rate
 * aside, see {@link #OFFER_RATE}); system properties
 * {@code bench.intake.seconds}, {@code bench.intake.warmup}, {@code bench.intake.connections}, {@code bench.offer.agents}, {@code bench.offer.rate},
 * {@code bench.offer.seconds}, {@code bench.capacity.start}, {@code bench.capacity.factor}, {@code bench.capacity.max},
 * {@code bench.capacity.seconds}, {@code bench.capacity.min-offers}, {@code bench.capacity.warmup},
 * {@code bench.capacity.step-warmup},
 * {@code bench.kpi.rate}, {@code bench.kpi.seconds}, {@code bench.kpi.poll-ms}, {@code bench.kpi.warmup},
 * {@code bench.kpi.agents}, {@code bench.overload.warmup}, {@code bench.overload.measure},
 * {@code bench.overload.seconds}, {@code bench.overload.connections} and {@code bench.matching.seconds} change them
 * for a quick trial; {@code bench.matching.classpath} is routing's test classpath, which {@code bench/run} sets.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tierline.root", "."));
        if (args.length == 1 && args[0].equals("--render")) {
            // the day's report written again from its JSON, e.g. after a change to this layout; nothing is measured
            write(root.resolve("bench/results"), List.of(), null);
            return;
        }
        boolean complete = args.length == 0;
        List<String> names = complete ? ALL : List.of(args);
        Instant started = Instant.now();
        List<Map<String, Object>> results = new ArrayList<>();
        for (String name : names) {
            System.out.println("== " + name);
            BenchResult r = switch (name) {
                case "intake-throughput" -> IntakeThroughputBench.run(
                        Duration.ofSeconds(Long.getLong("bench.intake.seconds", 30)),
                        Duration.ofSeconds(Long.getLong("bench.intake.warmup", 120)),
                        Integer.getInteger("bench.intake.connections", 64));
                case "post-to-offer-latency" -> OfferLatencyBench.run(Integer.getInteger("bench.offer.agents", 2000),
                        Integer.getInteger("bench.offer.rate", OFFER_RATE),
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
                case "routing-matching" -> RoutingMatchingBench.run(System.getProperty("bench.matching.classpath"),
                        Integer.getInteger("bench.matching.seconds", 2));
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            };
            System.out.println(r.line());
            Map<String, Object> row = r.toMap();
            row.put("measuredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            results.add(row);
            // written after every benchmark: a run stopped midway (killed, out of time) keeps what it measured
            write(root.resolve("bench/results"), results,
                    complete ? new CompleteRun(started, Instant.now(), results.size() == names.size()) : null);
        }
    }

    /**
     * Post-to-offer's default fixed rate, 30 contacts/s: a rate that routing sustains with 2,000 agents on the two
     * cores the whole stack shares here, so the row is a latency that a regression moves. At the 500/s (in
     * the row's target; {@code -Dbench.offer.rate=500}) routing falls behind on two cores and no measured arrival is
     * offered within the measured minute, which gives no percentile at all.
     */
    static final int OFFER_RATE = 30;

    /** What a run without arguments (one complete run, the report of record) measures, in this order. */
    static final List<String> ALL = List.of("intake-throughput", "post-to-offer-latency", "kpi-freshness",
            "routing-capacity", "large-centre-rss", "intake-overload", "routing-matching");

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

    /**
     * One run of every benchmark, the report of record: when it started, when it last wrote the report and whether
     * it had run them all by then; its rows are those measured within that span.
     */
    record CompleteRun(Instant started, Instant until, boolean finished) {

        boolean measured(Map<String, Object> row) {
            Object at = row.get("measuredAt");
            if (!(at instanceof String text)) {
                return false;
            }
            Instant instant = Instant.parse(text);
            return !instant.isBefore(started.truncatedTo(ChronoUnit.SECONDS)) && !instant.isAfter(until);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("started", started.truncatedTo(ChronoUnit.SECONDS).toString());
            m.put("until", until.truncatedTo(ChronoUnit.SECONDS).toString());
            m.put("finished", finished);
            return m;
        }
    }

    /**
     * Writes the day's report. A run of every benchmark replaces the day's table with its own rows; a run of named
     * benchmarks replaces those rows and keeps the others, and the report says which rows are not from the day's
     * run of every benchmark, and whether that run finished.
     */
    static void write(Path dir, List<Map<String, Object>> results, CompleteRun completeRun) throws Exception {
        Files.createDirectories(dir);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        Path existing = dir.resolve(date + ".json");
        CompleteRun ofRecord = completeRun;
        if (completeRun == null && Files.exists(existing)) {
            var previous = json.readTree(existing.toFile());
            var run = previous.path("completeRun");
            if (run.isObject()) {
                ofRecord = new CompleteRun(Instant.parse(run.path("started").asText()),
                        Instant.parse(run.path("until").asText()), run.path("finished").asBoolean());
            }
            for (var node : previous.path("results")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = json.convertValue(node, Map.class);
                byName.put((String) r.get("name"), r);
            }
        }
        results.forEach(r -> byName.put((String) r.get("name"), r));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", date);
        doc.put("machine", Machine.describe());
        if (ofRecord != null) {
            doc.put("completeRun", ofRecord.toMap());
        }
        doc.put("results", List.copyOf(byName.values()));
        Files.writeString(existing, json.writeValueAsString(doc));
        StringBuilder md = new StringBuilder("# Benchmark report " + date + "\n\n");
        md.append(Machine.line()).append(" Figures and baselines are from the same run.\n\n");
        md.append(provenance(byName.values(), ofRecord)).append("\n\n");
        md.append("| benchmark | figure | baseline | ratio | target |\n| --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> r : byName.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %s: %.1f %s | %s: %.1f %s | %.3f | %s |%n", r.get("name"),
                    r.get("figureName"), num(r.get("figure")), r.get("unit"), r.get("baselineName"), num(r.get("baseline")),
                    r.get("unit"), num(r.get("ratio")), r.get("target")));
        }
        md.append(percentiles(byName.values()));
        md.append(memory(byName.values()));
        md.append(cpu(byName.values()));
        md.append("\n").append(DETAILS_LINE).append("\n");
        Path report = dir.resolve(date + ".md");
        // the notes written under the table by hand (what changed, what a run showed) stay
        md.append(notesOf(report));
        Files.writeString(report, md.toString());
        System.out.println("wrote " + dir.resolve(date + ".md"));
    }

    /**
     * The latency distributions behind the rows, figure and baseline alike: every entry of a row's details that
     * holds percentiles (p50, p99, p99.9 and the count where measured), as a list under the table.
     */
    static String percentiles(Collection<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            if (!(row.get("details") instanceof Map<?, ?> details)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            details.forEach((name, value) -> {
                if (value instanceof Map<?, ?> m && !m.containsKey("p99") && Long.valueOf(0).equals(count(m))) {
                    parts.add(name + " none measured (n=0)");
                } else if (value instanceof Map<?, ?> m && m.containsKey("p99")) {
                    parts.add(String.format(Locale.ROOT, "%s p50 %.1f, p99 %.1f%s%s", name, num(m.get("p50")),
                            num(m.get("p99")), m.containsKey("p999")
                                    ? String.format(Locale.ROOT, ", p99.9 %.1f", num(m.get("p999"))) : "",
                            m.containsKey("count") ? " (n=" + m.get("count") + ")" : ""));
                }
            });
            if (!parts.isEmpty()) {
                out.append("- ").append(row.get("name")).append(": ").append(String.join("; ", parts)).append('\n');
            }
        }
        return out.length() == 0 ? "" : "\nLatency percentiles behind the rows (ms):\n\n" + out;
    }

    /**
     * The peak resident memory of each process behind the rows (a row's {@code peakRssMb}), and where a row has it
     * the same processes idle ({@code idleRssMb}), as a list under the table: each service's and the whole stack's
     * memory, not the total alone.
     */
    static String memory(Collection<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            if (row.get("details") instanceof Map<?, ?> details && details.get("peakRssMb") instanceof Map<?, ?> peak
                    && !peak.isEmpty()) {
                out.append("- ").append(row.get("name")).append(": peak ").append(processes(peak));
                if (details.get("idleRssMb") instanceof Map<?, ?> idle && !idle.isEmpty()) {
                    out.append("; idle ").append(processes(idle));
                }
                out.append('\n');
            }
        }
        return out.length() == 0 ? "" : "\nResident memory (RSS) of the processes behind the rows (MB):\n\n" + out;
    }

    /**
     * The whole machine's busy CPU per request behind a row ({@code machineCpuMsPer}), as a list under the table:
     * what one request cost every process together, next to what the target leaves for it.
     */
    static String cpu(Collection<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            if (row.get("details") instanceof Map<?, ?> details
                    && details.get("machineCpuMsPer") instanceof Map<?, ?> perRequest && !perRequest.isEmpty()) {
                List<String> parts = new ArrayList<>();
                perRequest.forEach((what, ms) -> parts.add(String.format(Locale.ROOT, "%s %.3f", what, num(ms))));
                out.append("- ").append(row.get("name")).append(": ").append(String.join(", ", parts)).append('\n');
            }
        }
        return out.length() == 0 ? "" : "\nBusy CPU of the whole machine per request (ms):\n\n" + out;
    }

    private static String processes(Map<?, ?> rssMb) {
        List<String> parts = new ArrayList<>();
        rssMb.forEach((process, mb) -> parts.add(String.format(Locale.ROOT, "%s %.0f", process, num(mb))));
        return String.join(", ", parts);
    }

    private static Long count(Map<?, ?> distribution) {
        return distribution.get("count") instanceof Number n ? n.longValue() : null;
    }

    /** Which rows come from the day's complete run, and which were measured apart from it. */
    static String provenance(Collection<Map<String, Object>> rows, CompleteRun ofRecord) {
        List<String> apart = rows.stream().filter(r -> ofRecord == null || !ofRecord.measured(r))
                .map(r -> (String) r.get("name")).toList();
        if (ofRecord == null) {
            return "No complete run of `bench/run` today: each row is from a run of named benchmarks (its time is"
                    + " `measuredAt` in the JSON).";
        }
        String span = ofRecord.finished()
                ? "one complete run of `bench/run` from " + ofRecord.toMap().get("started") + " to "
                        + ofRecord.toMap().get("until")
                : "a run of every benchmark started " + ofRecord.toMap().get("started") + " that had not finished at "
                        + ofRecord.toMap().get("until") + " (a benchmark without a row had not run, or the run stopped"
                        + " before it)";
        return apart.isEmpty() ? "Every row is from " + span + "."
                : "The rows are from " + span + ", except these, measured apart from it (their time is `measuredAt`"
                        + " in the JSON): " + String.join("; ", apart) + ".";
    }
}
