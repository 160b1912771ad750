package io.tierline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-host stack: Kafka in KRaft mode at the project's Kafka version (also Strimzi's), MongoDB as a
 * replica set that initiates itself, and a start order where each service waits for healthy infrastructure and
 * the created topics; whatever is waited for as healthy has a health check.
 */
final class ComposeCheck {

    static final String KAFKA_IMAGE = "apache/kafka:";
    private static final Pattern KAFKA_VERSION = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>");

    private ComposeCheck() {
    }

    /** The Kafka version the project builds against (root pom). */
    static String kafkaVersion(Path root) {
        try {
            Matcher m = KAFKA_VERSION.matcher(Files.readString(root.resolve("pom.xml")));
            return m.find() ? m.group(1).trim() : "?";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> problems(Deploy deploy, List<ServiceConfig> services, String kafkaVersion) {
        List<String> problems = new ArrayList<>();
        Compose compose = deploy.compose();
        String kafkaImage = compose.image("kafka");
        if (!(KAFKA_IMAGE + kafkaVersion).equals(kafkaImage)) {
            problems.add("compose kafka: image " + kafkaImage + ", expected the official " + KAFKA_IMAGE + kafkaVersion);
        }
        String roles = compose.environment("kafka").getOrDefault("KAFKA_PROCESS_ROLES", "");
        if (!roles.contains("broker") || !roles.contains("controller")) {
            problems.add("compose kafka: KAFKA_PROCESS_ROLES '" + roles + "' is not KRaft broker,controller");
        }
        deploy.ofKind("Kafka").forEach(k -> {
            if (!kafkaVersion.equals(Yaml.string(k.body(), "spec", "kafka", "version"))) {
                problems.add(k + ": spec.kafka.version is not " + kafkaVersion);
            }
        });
        String mongoCommand = Compose.text(compose.service("mongodb").get("command"));
        String mongoHealth = Compose.text(Yaml.at(compose.service("mongodb"), "healthcheck", "test"));
        if (!mongoCommand.contains("--replSet") || !mongoHealth.contains("rs.initiate")) {
            problems.add("compose mongodb: not a replica set that initiates itself (--replSet, rs.initiate in the health check)");
        }
        for (ServiceConfig s : services) {
            if (!compose.services().contains(s.name())) {
                problems.add("compose: no service " + s.name());
                continue;
            }
            Map<String, Object> dependsOn = Yaml.map(compose.service(s.name()).get("depends_on"));
            for (String infra : List.of("kafka", "mongodb")) {
                if (!"service_healthy".equals(Yaml.string(dependsOn, infra, "condition"))) {
                    problems.add("compose " + s.name() + ": does not wait for " + infra + " to be healthy");
                }
            }
            boolean waitsForTopics = dependsOn.entrySet().stream().anyMatch(e ->
                    "service_completed_successfully".equals(Yaml.string(e.getValue(), "condition"))
                            && TopicCheck.createsTopics(compose.service(e.getKey())));
            if (!waitsForTopics) {
                problems.add("compose " + s.name() + ": does not wait for the topics to be created");
            }
        }
        for (String name : compose.services()) {
            Yaml.map(compose.service(name).get("depends_on")).forEach((target, how) -> {
                if ("service_healthy".equals(Yaml.string(how, "condition")) && Yaml.at(compose.service(target), "healthcheck", "test") == null) {
                    problems.add("compose " + name + ": waits for " + target + " to be healthy, which has no health check");
                }
            });
        }
        return problems;
    }
}
