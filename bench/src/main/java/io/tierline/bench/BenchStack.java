package io.tierline.bench;

import io.tierline.embedded.EmbeddedKafka;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.FreePorts;
import io.tierline.embedded.GatewayApiKeys;
import io.tierline.embedded.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker (KRaft) and a MongoDB wire store in this JVM, and packaged services as their own processes,
 * the way deploy/local/start runs them: what a benchmark measures against. A fresh random gateway API key
 * is made for each stack (never a committed one).
 */
final class BenchStack implements AutoCloseable {

    final EmbeddedKafka kafka;
    final EmbeddedMongo mongo;
    final String gatewayKey;
    private final Path root;
    private final Path logs;
    private final List<ServiceProcess> services = new ArrayList<>();

    BenchStack(int partitions) throws Exception {
        root = Path.of(System.getProperty("tierline.root", "."));
        logs = Files.createDirectories(root.resolve("bench/target/logs"));
        mongo = EmbeddedMongo.start(0, null);
        kafka = EmbeddedKafka.start(FreePorts.next(), FreePorts.next(), null).createCatalogueTopics(partitions);
        gatewayKey = GatewayApiKeys.newKey();
    }

    /** Starts a service and waits until it is ready. */
    ServiceProcess start(String module, Map<String, String> properties) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MONGODB_URI", mongo.connectionString());
        // -Dbench.service-jvm="-XX:..." adds JVM options to every service started
        String jvm = System.getProperty("bench.service-jvm", "").trim();
        // -Dbench.jfr=routing-service,intake-service records a flight recording per named service into the logs
        if (List.of(System.getProperty("bench.jfr", "").split(",")).contains(module)) {
            jvm = (jvm + " -XX:StartFlightRecording=filename=" + logs.resolve(module + "-" + System.nanoTime()
                    + ".jfr") + ",settings=profile").trim();
        }
        if (!jvm.isEmpty()) {
            env.put("JAVA_TOOL_OPTIONS", jvm);
        }
        Map<String, String> props = new HashMap<>(properties);
        if (module.equals("intake-service")) {
            props.putAll(GatewayApiKeys.intakeProperties("bench", gatewayKey));
        }
        ServiceProcess s = ServiceProcess.start(root, module, FreePorts.next(), env, props, logs, "512m");
        services.add(s);
        return s.awaitReady(Duration.ofSeconds(120));
    }

    /** Current RSS (MB) of each service started so far, by module. */
    Map<String, Long> currentRssMb() {
        Map<String, Long> rss = new java.util.LinkedHashMap<>();
        for (ServiceProcess s : services) {
            rss.put(s.module(), s.currentRssMb());
        }
        return rss;
    }

    /** Peak RSS (MB) of each service started so far, by module; read before closing. */
    Map<String, Long> peakRssMb() {
        Map<String, Long> rss = new java.util.LinkedHashMap<>();
        for (ServiceProcess s : services) {
            String name = s.module();
            for (int n = 2; rss.containsKey(name); n++) {
                name = s.module() + "#" + n;
            }
            rss.put(name, s.peakRssMb());
        }
        return rss;
    }

    /** Stops every service started so far (their RSS is to be read before); the broker and the store go on. */
    void stopServices() throws InterruptedException {
        ServiceProcess.closeAll(services);
    }

    @Override
    public void close() throws Exception {
        ServiceProcess.closeAll(services);
        kafka.close();
        mongo.close();
    }
}
