package io.tierline.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own files say about its configuration: the keys of application.properties (profiles
 * stripped), the keys of its {@code @ConfigMapping} interfaces, the environment variables it references
 * ({@code ${KAFKA_BOOTSTRAP_SERVERS:...}}), the settings its README documents, its HTTP port and the topics its
 * consumer groups read.
 */
record ServiceConfig(String name, int httpPort, Set<String> keys, Set<String> envReferences, Set<String> consumedTopics) {

    /**
     * Quarkus and SmallRye keys the manifests may set although a service's files do not: each is documented in
     * the Quarkus configuration reference (logging, graceful shutdown, HTTP, Kafka, MongoDB).
     */
    static final Set<String> QUARKUS_KEYS = Set.of("quarkus.log.level", "quarkus.shutdown.timeout",
            "quarkus.http.port", "kafka.bootstrap.servers", "quarkus.mongodb.connection-string",
            "quarkus.mongodb.database", "quarkus.config.locations");

    /** Read by the JVM itself, not a configuration key. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** mp.messaging.incoming.CHANNEL.topic (not ...CHANNEL.dead-letter-queue.topic, which it writes). */
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern README_KEY = Pattern.compile("^\\| `([a-zA-Z][a-zA-Z0-9.<>_-]*)`");

    /** The service modules: every folder *-service with an application.properties. */
    static List<ServiceConfig> all(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(properties(d)))
                    .sorted().map(d -> load(root, d.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig load(Path root, String name) {
        Path module = root.resolve(name);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(properties(module))) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>(QUARKUS_KEYS);
        Set<String> env = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            Matcher m = ENV_REF.matcher(props.getProperty(key));
            while (m.find()) {
                env.add(m.group(1));
            }
            Matcher incoming = INCOMING_TOPIC.matcher(key);
            if (incoming.matches()) {
                String channel = "mp.messaging.incoming." + incoming.group(1);
                // a per-instance group (fan-out) is not bounded by partitions: every instance reads every record
                if (!props.getProperty(channel + ".group.id", "").contains("${quarkus.uuid}")) {
                    consumed.add(props.getProperty(key));
                }
            }
        }
        keys.addAll(readmeKeys(module.resolve("README.md")));
        keys.addAll(ConfigMappingKeys.under(module.resolve("src/main/java")));
        int port = Integer.parseInt(props.getProperty("quarkus.http.port", "8080").trim());
        return new ServiceConfig(name, port, keys, env, consumed);
    }

    /** Whether an environment variable sets one of this service's keys, or is one it references. */
    boolean knowsVariable(String variable) {
        if (envReferences.contains(variable) || JVM_VARIABLES.contains(variable)) {
            return true;
        }
        return keys.stream().anyMatch(k -> envPattern(k).matcher(variable).matches());
    }

    /** Quarkus' mapping of a key to an environment variable: non-alphanumerics to _, upper case. */
    static String toEnv(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static Pattern envPattern(String key) {
        // README keys such as tierline.routing.offer-timeout.<CHANNEL> name a family of keys
        List<String> parts = new ArrayList<>();
        for (String part : key.split("<[^>]+>", -1)) {
            parts.add(Pattern.quote(toEnv(part)));
        }
        return Pattern.compile(String.join("[A-Z0-9_]+", parts));
    }

    private static Set<String> readmeKeys(Path readme) {
        Set<String> keys = new HashSet<>();
        if (!Files.isRegularFile(readme)) {
            return keys;
        }
        try {
            for (String line : Files.readAllLines(readme)) {
                Matcher m = README_KEY.matcher(line);
                if (m.find() && m.group(1).contains(".")) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Path properties(Path module) {
        return module.resolve("src/main/resources/application.properties");
    }
}
