package io.tierline.system;

import io.tierline.embedded.EmbeddedKafka;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.FreePorts;
import io.tierline.embedded.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services, each its own JVM process, on one real Kafka broker (KRaft) and one MongoDB wire
 * store: what a system test class starts once and drives through the public API. Intake accepts the run's
 * {@link GatewayKey}.
 */
final class RunningSystem implements AutoCloseable {

    /** JVM options for service processes in system tests: C1 only, serial GC. */
    static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    static final List<String> MODULES = List.of("intake-service", "routing-service", "escalation-service", "metrics-service");

    final EmbeddedKafka kafka;
    final EmbeddedMongo mongo;
    private final List<ServiceProcess> services = new ArrayList<>();

    private RunningSystem(EmbeddedKafka kafka, EmbeddedMongo mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** Starts everything; {@code settings} adds system properties per module. Logs go to system-tests/target/system-logs/{logs}. */
    static RunningSystem start(String logs, Map<String, Map<String, String>> settings) throws Exception {
        Path root = Path.of(System.getProperty("tierline.root", ".."));
        EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
        EmbeddedKafka kafka = EmbeddedKafka.start(FreePorts.next(), FreePorts.next(), null).createCatalogueTopics(3);
        RunningSystem system = new RunningSystem(kafka, mongo);
        try {
            // four service JVMs, the broker and the store share two cores here: the quick compiler and the serial
            // collector spend far less of them while everything starts at once
            Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "MONGODB_URI", mongo.connectionString(), "JAVA_TOOL_OPTIONS", QUICK_JVM);
            for (String module : MODULES) {
                Map<String, String> properties = new HashMap<>(settings.getOrDefault(module, Map.of()));
                if (module.equals("intake-service")) {
                    properties.putAll(GatewayKey.intakeProperties());
                }
                system.services.add(ServiceProcess.start(root, module, FreePorts.next(), env, properties,
                        root.resolve("system-tests/target/system-logs").resolve(logs)));
            }
            for (ServiceProcess service : system.services) {
                service.awaitReady(Duration.ofSeconds(120));
            }
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** The running services, in start order (intake, routing, escalation, metrics). */
    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    String intake() {
        return services.get(0).baseUrl();
    }

    String routing() {
        return services.get(1).baseUrl();
    }

    String escalation() {
        return services.get(2).baseUrl();
    }

    String metrics() {
        return services.get(3).baseUrl();
    }

    @Override
    public void close() throws Exception {
        ServiceProcess.closeAll(services);
        kafka.close();
        mongo.close();
    }
}
