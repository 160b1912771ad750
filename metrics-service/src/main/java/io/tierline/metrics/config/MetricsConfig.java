package io.tierline.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tierline.metrics.kpi.ServiceLevel;
import java.time.Duration;
import java.util.Optional;

/** The {@code tierline.metrics.*} settings (documented in the service README). */
@ConfigMapping(prefix = "tierline.metrics")
public interface MetricsConfig {

    /** How often the gauges are refreshed from the window stores. */
    @WithDefault("5s")
    Duration publishInterval();

    /** How often {@code GET /kpis/stream} sends a heartbeat comment. */
    @WithDefault("PT15S")
    Duration sseHeartbeat();

    /** The {@code /q/metrics} gauges. */
    Gauges gauges();

    /** {@code POST /evaluations}. */
    Evaluations evaluations();

    interface Gauges {
        /** At most this many {@code tierline_kpi} series (a cardinality guard). */
        @WithDefault("500")
        int maxSeries();
    }

    interface Evaluations {
        /** How long a POST waits for the broker to acknowledge the QualityEvaluated event (else 503). */
        @WithDefault("PT10S")
        Duration publishTimeout();
    }

    /** The Kafka Streams KPI topology. */
    Streams streams();

    /** This instance as the other instances reach it, for KPI queries across instances. */
    Instance instance();

    /** The service-level KPI. */
    ServiceLevelSettings serviceLevel();

    interface Streams {
        /** Kafka Streams {@code application.id}: its consumer group and the prefix of its internal topics. */
        @WithDefault("tierline-metrics-kpis")
        String applicationId();

        /** How long after its end a window still accepts late events (by stream time). */
        @WithDefault("PT5M")
        Duration grace();

        /** How long an eventId is remembered to drop redeliveries; at least P1D plus the grace. */
        @WithDefault("P2D")
        Duration dedupRetention();

        /** How long after a resolution a repeat contact still corrects the 7-day FCR. */
        @WithDefault("P7D")
        Duration repeatWindow();

        /** {@code exactly_once_v2} or {@code at_least_once}. */
        @WithDefault("exactly_once_v2")
        String processingGuarantee();

        /**
         * How often Streams commits (and so how often snapshots are flushed to the kpi topics). Under exactly-once
         * a record reaches the window stores only after the commit of its repartition hop, so this bounds KPI
         * freshness from below.
         */
        @WithDefault("PT0.2S")
        Duration commitInterval();

        /**
         * How often the contributions added up per KPI, dimension and minute are forwarded to the window aggregates
         * (instead of one repartition record per event, KPI and dimension).
         */
        @WithDefault("PT0.1S")
        Duration combineInterval();

        /**
         * Kafka Streams {@code num.stream.threads}: the tasks (one per partition and sub-topology) are shared among
         * them, so each instance processes that many partitions at once. Under exactly-once a thread spends most of
         * its time waiting for its transaction commits, so one per partition pays off even on few cores.
         */
        @WithDefault("3")
        int streamThreads();

        /**
         * Kafka Streams {@code statestore.cache.max.bytes}, shared by this instance's stream threads: the window
         * aggregates waiting for the next commit. When it is full, entries leave early, each a store write and a
         * snapshot of its own.
         */
        @WithDefault("10485760")
        long cacheMaxBytes();

        /** Kafka Streams {@code num.standby.replicas}: warm copies of each task's state on other instances. */
        @WithDefault("0")
        int standbyReplicas();

        /**
         * The Kafka Streams consumers' {@code session.timeout.ms}: how long an instance that stopped without leaving
         * (killed, host lost) still owns its tasks, and the KPI queries routed to it answer 503.
         */
        @WithDefault("PT45S")
        Duration sessionTimeout();

        /** Local state directory; absent: a new temporary directory per start (state restores from changelogs). */
        Optional<String> stateDir();
    }

    interface Instance {
        /** The host the other instances reach this one's HTTP port at (Kafka Streams {@code application.server}). */
        @WithDefault("localhost")
        String advertisedHost();

        /** The HTTP port the other instances reach this one at (by default {@code quarkus.http.port}). */
        int advertisedPort();

        /** How long a KPI query waits for another instance's part before answering 503. */
        @WithDefault("PT5S")
        Duration peerTimeout();
    }

    interface ServiceLevelSettings {
        /** T: an answer or abandon wait {@code <= T} is within the service level. */
        @WithDefault("PT20S")
        Duration threshold();

        /** S: an abandon with a wait {@code < S} is short. */
        @WithDefault("PT5S")
        Duration shortAbandon();

        /** What abandons do to the service level: IGNORE_SHORT, AGAINST or FOR. */
        @WithDefault("IGNORE_SHORT")
        ServiceLevel.AbandonRule abandonRule();

        default ServiceLevel toServiceLevel() {
            return new ServiceLevel(threshold(), shortAbandon(), abandonRule());
        }
    }
}
