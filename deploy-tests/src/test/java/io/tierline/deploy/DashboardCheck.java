package io.tierline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grafana: every dashboard JSON parses, uses a provisioned datasource, and every {@code tierline_*} metric its
 * queries name is one the code registers (Micrometer name with dots as underscores, plus Prometheus suffixes).
 */
final class DashboardCheck {

    private static final Pattern CODE_METER = Pattern.compile("\"(tierline(?:\\.[a-z0-9]+)+)\"");
    private static final Pattern QUERY_METRIC = Pattern.compile("\\b(tierline_[a-z0-9_]+)");
    private static final List<String> SUFFIXES = List.of("", "_total", "_count", "_sum", "_max", "_bucket",
            "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardCheck() {
    }

    static List<String> problems(Path grafanaDir, Set<String> meters) {
        List<String> problems = new ArrayList<>();
        Set<String> datasources = new TreeSet<>();
        Path provisioned = grafanaDir.resolve("provisioning/datasources");
        if (Files.isDirectory(provisioned)) {
            Yaml.filesUnder(provisioned).forEach(f -> Yaml.list(Yaml.single(f).get("datasources"))
                    .forEach(ds -> datasources.add(Yaml.string(ds, "uid"))));
        }
        List<Path> dashboards = jsonFiles(grafanaDir.resolve("dashboards"));
        if (dashboards.isEmpty()) {
            problems.add(grafanaDir + ": no dashboard JSON");
        }
        for (Path file : dashboards) {
            JsonNode dashboard;
            try {
                dashboard = JSON.readTree(file.toFile());
            } catch (IOException e) {
                problems.add(file.getFileName() + ": not JSON: " + e.getMessage());
                continue;
            }
            for (JsonNode uid : dashboard.findValues("uid")) {
                // the dashboard's own uid is top level; nested uids are datasource references
                if (uid != dashboard.get("uid") && !datasources.contains(uid.asText())) {
                    problems.add(file.getFileName() + ": datasource " + uid.asText() + " is not provisioned " + datasources);
                }
            }
            for (JsonNode expr : dashboard.findValues("expr")) {
                Matcher m = QUERY_METRIC.matcher(expr.asText());
                while (m.find()) {
                    if (!meters.contains(m.group(1))) {
                        problems.add(file.getFileName() + ": metric " + m.group(1) + " is registered by no service");
                    }
                }
            }
        }
        return problems;
    }

    /** The Prometheus names of every tierline.* meter name in the services' main code. */
    static Set<String> meters(Path root, List<ServiceConfig> services) {
        Set<String> names = new TreeSet<>();
        for (ServiceConfig s : services) {
            for (Path java : files(root.resolve(s.name()).resolve("src/main/java"), ".java")) {
                try {
                    Matcher m = CODE_METER.matcher(Files.readString(java));
                    while (m.find()) {
                        String base = m.group(1).replace('.', '_');
                        SUFFIXES.forEach(suffix -> names.add(base + suffix));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return names;
    }

    private static List<Path> jsonFiles(Path dir) {
        return files(dir, ".json");
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
