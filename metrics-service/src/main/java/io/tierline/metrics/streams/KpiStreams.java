package io.tierline.metrics.streams;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tierline.events.Topics;
import io.tierline.metrics.config.MetricsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link KpiTopology} in the service: started at startup (after making sure its source topics exist,
 * since Kafka Streams stops on a missing source topic), closed at shutdown.
 */
@ApplicationScoped
public class KpiStreams {

    private static final Logger LOG = Logger.getLogger(KpiStreams.class);

    private final MetricsConfig config;
    private final String bootstrapServers;
    private volatile KafkaStreams streams;
    private Path temporaryStateDir;

    public KpiStreams(MetricsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void startup(@Observes StartupEvent event) {
        ensureSourceTopics();
        start();
    }

    void shutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Starts the topology on a fresh instance: it resumes from the committed offsets and restores its stores from
     * the changelogs (or reuses a configured state directory).
     */
    synchronized void start() {
        MetricsConfig.Streams s = config.streams();
        var settings = new KpiTopology.Settings(s.grace(), s.dedupRetention(), config.serviceLevel().toServiceLevel(),
                s.repeatWindow(), s.combineInterval());
        streams = new KafkaStreams(KpiTopology.build(settings), properties(s));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.errorf(e, "KPI topology failed; replacing the stream thread");
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams.start();
        LOG.infof("KPI topology started (%s, grace %s)", s.processingGuarantee(), s.grace());
    }

    /** Closes the topology (committing what it processed) and leaves its consumer group, so a restart is quick. */
    synchronized void stop() {
        if (streams != null) {
            streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
        }
        if (temporaryStateDir != null) {
            delete(temporaryStateDir);
            temporaryStateDir = null;
        }
    }

    /** This instance as {@code application.server} names it to the other instances. */
    public HostInfo self() {
        return new HostInfo(config.instance().advertisedHost(), config.instance().advertisedPort());
    }

    /** The running Kafka Streams instance (for state queries), or null before startup. */
    public KafkaStreams streams() {
        return streams;
    }

    private Properties properties(MetricsConfig.Streams s) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, s.processingGuarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitInterval().toMillis());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, s.standbyReplicas());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.streamThreads());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, s.cacheMaxBytes());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self().host() + ":" + self().port());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(s.stateDir()));
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), (int) s.sessionTimeout().toMillis());
        p.put(StreamsConfig.producerPrefix("acks"), "all");
        return p;
    }

    private String stateDir(Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            temporaryStateDir = Files.createTempDirectory("tierline-metrics-streams");
            return temporaryStateDir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the source topics and the {@code kpi.*} topics (read by the live feed) that do not exist yet (broker defaults). Not fatal: without a broker the topology
     * starts anyway, and a stream thread that meets a missing source topic is replaced until it exists.
     */
    private void ensureSourceTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            var existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            var wanted = new ArrayList<>(KpiTopology.SOURCES);
            wanted.addAll(Topics.KPI_TOPICS);
            var missing = wanted.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(20, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("cannot create topic %s now: %s", result.getKey(), e.getCause().getMessage());
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("cannot check the source topics now (%s); the topology waits for them", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("cannot delete %s: %s", dir, e.getMessage());
        }
    }
}
