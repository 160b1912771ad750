package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {

    @Test
    void theReportHasEachFigureItsBaselineAndTheirRatio(@TempDir Path dir) throws Exception {
        var throughput = new BenchResult("intake-throughput", "contacts accepted/s", 2500, "1/s", "raw producer", 10000,
                true, ">= 5000", Map.of("connections", 64));
        var latency = new BenchResult("post-to-offer-latency", "p99", 30, "ms", "two-hop p99", 12, false, "<= 3x",
                Map.of());
        BenchMain.write(dir, rows(throughput, latency), null);
        Path md;
        try (var files = Files.list(dir)) {
            md = files.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        String report = Files.readString(md);
        assertTrue(report.contains("| intake-throughput | contacts accepted/s: 2500.0 1/s | raw producer: 10000.0 1/s | 0.250 |"), report);
        assertTrue(report.contains("| post-to-offer-latency | p99: 30.0 ms | two-hop p99: 12.0 ms | 2.500 |"), report);
        var json = new ObjectMapper().readTree(Files.readString(Path.of(md.toString().replace(".md", ".json"))));
        assertEquals(0.25, json.path("results").get(0).path("ratio").asDouble(), 1e-9);
        assertEquals(64, json.path("results").get(0).path("details").path("connections").asInt());

        // a later run the same day replaces what it ran and keeps the rest
        var rerun = new BenchResult("post-to-offer-latency", "p99", 24, "ms", "two-hop p99", 12, false, "<= 3x", Map.of());
        BenchMain.write(dir, rows(rerun), null);
        report = Files.readString(md);
        assertTrue(report.contains("| intake-throughput | contacts accepted/s: 2500.0 1/s"), report);
        assertTrue(report.contains("| post-to-offer-latency | p99: 24.0 ms | two-hop p99: 12.0 ms | 2.000 |"), report);
        assertTrue(!report.contains("p99: 30.0 ms"), "the earlier figure is replaced: " + report);
    }

    @Test
    void notesWrittenUnderTheTableSurviveALaterRunTheSameDay(@TempDir Path dir) throws Exception {
        var first = new BenchResult("kpi-freshness", "p99", 900, "ms", "two-hop p99", 20, false, "< 1 s", Map.of());
        BenchMain.write(dir, rows(first), null);
        Path md;
        try (var files = Files.list(dir)) {
            md = files.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        String notes = "\n## Notes\n\n- the first run was on a busy machine\n";
        Files.writeString(md, Files.readString(md) + notes);

        BenchMain.write(dir, rows(new BenchResult("kpi-freshness", "p99", 700, "ms", "two-hop p99", 20, false,
                "< 1 s", Map.of())), null);
        String report = Files.readString(md);
        assertTrue(report.contains("| kpi-freshness | p99: 700.0 ms |"), report);
        assertTrue(report.endsWith(BenchMain.DETAILS_LINE + "\n" + notes), report);
    }

    @Test
    void aCompleteRunReplacesTheDaysTableAndALaterRunOfOneBenchmarkIsMarkedApart(@TempDir Path dir) throws Exception {
        BenchMain.write(dir, rows(new BenchResult("kpi-freshness", "p99", 900, "ms", "two-hop p99", 20, false, "< 1 s",
                Map.of())), null);
        Path md = dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".md");
        assertTrue(Files.readString(md).contains("No complete run of `bench/run` today"), Files.readString(md));

        Instant started = Instant.now().minusSeconds(5);
        var intake = rows(new BenchResult("intake-throughput", "contacts accepted/s", 2500, "1/s", "raw producer",
                10000, true, ">= 5000", Map.of()));
        BenchMain.write(dir, intake, new BenchMain.CompleteRun(started, Instant.now(), false));
        assertTrue(Files.readString(md).contains("that had not finished at "), "a run stopped midway says so: "
                + Files.readString(md));
        BenchMain.write(dir, intake, new BenchMain.CompleteRun(started, Instant.now(), true));
        String report = Files.readString(md);
        assertTrue(!report.contains("kpi-freshness"),
                "an earlier run's row is not part of the complete run: " + report);
        assertTrue(report.contains("Every row is from one complete run of `bench/run` from "), report);
        var json = new ObjectMapper().readTree(dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".json").toFile());
        assertTrue(json.path("completeRun").path("started").isTextual(), json.toString());
        assertTrue(json.path("machine").path("memoryMb").asLong() > 0, "the memory is recorded: " + json);

        BenchMain.write(dir, rowsAt(Instant.now().plusSeconds(60), new BenchResult("kpi-freshness", "p99", 700, "ms",
                "two-hop p99", 20, false, "< 1 s", Map.of())), null);
        report = Files.readString(md);
        assertTrue(report.contains("| intake-throughput | contacts accepted/s: 2500.0 1/s"), report);
        assertTrue(report.contains("| kpi-freshness | p99: 700.0 ms |"), report);
        assertTrue(report.contains("except these, measured apart from it (their time is `measuredAt` in the JSON):"
                + " kpi-freshness."), report);
    }

    @Test
    void theLatencyPercentilesBehindEachRowAreListedUnderTheTable(@TempDir Path dir) throws Exception {
        var latency = new BenchResult("post-to-offer-latency", "p99", 88.4, "ms", "two-hop p99", 21.7, false, "<= 3x",
                Map.of("agents", 2000,
                        "postToOfferMillis", Map.of("count", 1781, "p50", 17.3, "p99", 88.4, "p999", 130.8),
                        "twoHopMillis", Map.of("p50", 5.2, "p99", 21.7),
                        "warmUpMillis", Map.of("count", 0)));
        BenchMain.write(dir, rows(latency), null);
        String report = Files.readString(dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".md"));
        String line = report.lines().filter(l -> l.startsWith("- post-to-offer-latency: ")).findFirst().orElse("");
        assertTrue(line.contains("postToOfferMillis p50 17.3, p99 88.4, p99.9 130.8 (n=1781)"), report);
        assertTrue(line.contains("twoHopMillis p50 5.2, p99 21.7"), report);
        assertTrue(line.contains("warmUpMillis none measured (n=0)"), "an empty distribution says so: " + line);
        assertTrue(!line.contains("agents"), "only entries with percentiles: " + line);
        assertTrue(report.indexOf("Latency percentiles") < report.indexOf(BenchMain.DETAILS_LINE),
                "generated above the line the notes follow: " + report);
    }

    @Test
    void eachProcessPeakMemoryIsListedUnderTheTableWithItsIdleFigureWhereMeasured(@TempDir Path dir)
            throws Exception {
        var peak = new java.util.LinkedHashMap<String, Object>();
        peak.put("intake-service", 420);
        peak.put("routing-service", 781.4);
        var rss = new BenchResult("large-centre-rss", "peak RSS of the whole stack", 1201, "MB", "idle", 419, false,
                "report", Map.of("peakRssMb", peak, "idleRssMb", Map.of("intake-service", 203)));
        var latency = new BenchResult("kpi-freshness", "p99", 700, "ms", "two-hop p99", 20, false, "< 1 s",
                Map.of("peakRssMb", Map.of("metrics-service", 672)));
        var none = new BenchResult("routing-matching", "decisions/s", 1700, "1/s", "scans/s", 8300, true, "print",
                Map.of("agents", 10000));
        BenchMain.write(dir, rows(rss, latency, none), null);
        String report = Files.readString(dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".md"));
        assertTrue(report.contains("\nResident memory (RSS) of the processes behind the rows (MB):\n\n"
                + "- large-centre-rss: peak intake-service 420, routing-service 781; idle intake-service 203\n"
                + "- kpi-freshness: peak metrics-service 672\n"), report);
        assertTrue(!report.contains("- routing-matching:"), "a row without memory figures is not listed: " + report);
        assertTrue(report.indexOf("Resident memory") < report.indexOf(BenchMain.DETAILS_LINE),
                "generated above the line the notes follow: " + report);
    }

    @Test
    void theMachinesCpuPerRequestIsListedUnderTheTable(@TempDir Path dir) throws Exception {
        var cpu = new java.util.LinkedHashMap<String, Object>();
        cpu.put("acceptedContact", 1.5871);
        cpu.put("rejectedRequest", 0.2449);
        cpu.put("budgetAtTarget", 0.4);
        var intake = new BenchResult("intake-throughput", "contacts/s", 1262, "1/s", "producer", 18761, true,
                ">= 5000", Map.of("machineCpuMsPer", cpu, "connections", 64));
        var none = new BenchResult("routing-matching", "decisions/s", 1700, "1/s", "scans/s", 8300, true, "print",
                Map.of("agents", 10000));
        BenchMain.write(dir, rows(intake, none), null);
        String report = Files.readString(dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".md"));
        assertTrue(report.contains("\nBusy CPU of the whole machine per request (ms):\n\n"
                + "- intake-throughput: acceptedContact 1.587, rejectedRequest 0.245, budgetAtTarget 0.400\n"), report);
        assertTrue(!report.contains("- routing-matching:"), "a row without CPU figures is not listed: " + report);
        assertTrue(report.indexOf("Busy CPU") < report.indexOf(BenchMain.DETAILS_LINE),
                "generated above the line the notes follow: " + report);
    }

    @Test
    void machineCpuCountsEveryStateButIdleAndIowaitInTicksOfTenMilliseconds() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals((100 + 2 + 30 + 4 + 5 + 6) * 10.0,
                MachineCpu.busyMs("cpu  100 2 30 9000 800 4 5 6 50 0"));
        assertEquals(0.5, MachineCpu.msPerOperation(1000, 1500, 1000));
        assertTrue(Double.isNaN(MachineCpu.msPerOperation(-1, 1500, 1000)), "an unreadable start");
        assertTrue(Double.isNaN(MachineCpu.msPerOperation(1000, 1500, 0)), "nothing ran");
    }

    /** Rows as BenchMain records them: each result with the time it was measured. */
    private static List<Map<String, Object>> rows(BenchResult... results) {
        return rowsAt(Instant.now(), results);
    }

    private static List<Map<String, Object>> rowsAt(Instant measuredAt, BenchResult... results) {
        return java.util.Arrays.stream(results).map(r -> {
            Map<String, Object> row = r.toMap();
            row.put("measuredAt", measuredAt.truncatedTo(ChronoUnit.SECONDS).toString());
            return row;
        }).toList();
    }

    @Test
    void theLatencyScenarioIsValidAndHasNoAbandonsNorEscalations() {
        var s = OfferLatencyBench.scenario(2000, 500, java.time.Duration.ofSeconds(60));
        assertEquals(2000, s.agentCount());
        assertEquals(30_000, s.arrivals().ratePerMinute());
        assertEquals(0, s.agents().get(0).escalateShare());
        assertEquals(0, s.agents().get(0).missShare() + s.agents().get(0).declineShare());
        assertTrue(s.customers().patience().medianSeconds() >= 3600, "no customer gives up during the run");
    }
}
