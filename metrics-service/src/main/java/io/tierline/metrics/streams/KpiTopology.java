package io.tierline.metrics.streams;

import io.tierline.events.EventJson;
import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.ServiceLevel;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The KPI topology (KPIS.md): the event topics by event time (records that are no event to {@code metrics.dlq}
 * or skipped, see {@link ParseProcessor}), deduplicated by eventId, turned into
 * contributions keyed {@code kpi|dimension}, aggregated in UTC-aligned tumbling windows of every
 * {@link KpiWindow} with a grace period, each update published as a KpiSnapshot to its {@code kpi.*} topic; the
 * agent dimension is kept in minutes instead, read by {@code GET /kpis} only ({@link MinuteWindows}).
 * Plain Kafka Streams; the service runs it in {@code KpiStreams}.
 */
public final class KpiTopology {

    /** The topics the topology reads. */
    public static final List<String> SOURCES = List.of(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ASSIGNMENTS,
            Topics.CONTACTS_RESOLVED, Topics.CONTACTS_ESCALATED, Topics.CONTACTS_EVALUATIONS, Topics.AGENTS_PRESENCE);

    /** How often the contributions added up per key and minute are forwarded, by default. */
    public static final Duration DEFAULT_COMBINE_INTERVAL = Duration.ofMillis(100);

    /**
     * @param grace           how long after its end a window still accepts late events (stream time)
     * @param repeatWindow    how long after a resolution a repeat contact still corrects the 7-day FCR
     * @param combineInterval how often the contributions added up per KPI, dimension and minute are forwarded to
     *                        the window aggregates ({@link Combiner})
     */
    public record Settings(Duration grace, Duration dedupRetention, ServiceLevel serviceLevel, Duration repeatWindow,
            Duration combineInterval) {

        public Settings(Duration grace, Duration dedupRetention, ServiceLevel serviceLevel) {
            this(grace, dedupRetention, serviceLevel, Duration.ofDays(7));
        }

        public Settings(Duration grace, Duration dedupRetention, ServiceLevel serviceLevel, Duration repeatWindow) {
            this(grace, dedupRetention, serviceLevel, repeatWindow, DEFAULT_COMBINE_INTERVAL);
        }

        /** The 7-day FCR's windows accept corrections for the repeat window after their end. */
        Duration repeatGrace() {
            return repeatWindow.plus(grace);
        }

        public Settings {
            Duration longest = KpiWindow.P1D.length().plus(grace);
            if (dedupRetention.compareTo(longest) < 0) {
                throw new IllegalArgumentException("the dedup retention must be at least " + longest);
            }
            if (combineInterval.isNegative() || combineInterval.isZero()) {
                throw new IllegalArgumentException("the combine interval must be positive");
            }
        }
    }

    static final String COMBINE_STORE = "kpi-combine";
    static final String FCR7_COMBINE_STORE = "kpi-fcr7-combine";
    static final String AGENT_STORE = "kpi-agent-minutes";
    static final String FCR7_AGENT_STORE = "kpi-" + Kpis.FCR_7D + "-agent-minutes";
    /** Every store of the agent dimension's minutes. */
    public static final List<String> AGENT_STORES = List.of(AGENT_STORE, FCR7_AGENT_STORE);
    private static final String AGENT = "agent=";

    private KpiTopology() {
    }

    /** The state store of the windows of this size (for interactive queries). */
    public static String storeName(KpiWindow window) {
        return "kpi-" + window.name();
    }

    /** The state store of a KPI's windows of this size: the 7-day FCR has its own (a longer grace). */
    public static String storeName(String kpi, KpiWindow window) {
        return Kpis.FCR_7D.equals(kpi) ? "kpi-" + Kpis.FCR_7D + "-" + window.name() : storeName(window);
    }

    /**
     * The state store that holds {@code kpi|dimension} for windows of this size: the agent dimension's minutes
     * ({@link MinuteWindows}) or the windows of that size.
     */
    public static String storeName(String kpi, String dimension, KpiWindow window) {
        if (isAgent(dimension)) {
            return agentStoreName(kpi);
        }
        return storeName(kpi, window);
    }

    /** The store of the agent dimension's minutes of this KPI (the 7-day FCR has its own: a longer grace). */
    public static String agentStoreName(String kpi) {
        return Kpis.FCR_7D.equals(kpi) ? FCR7_AGENT_STORE : AGENT_STORE;
    }

    /** Whether the dimension is an agent's: kept in minutes, served by {@code GET /kpis}, never published. */
    public static boolean isAgent(String dimension) {
        return dimension.startsWith(AGENT);
    }

    private static boolean isAgentKey(String key) {
        return isAgent(key.substring(key.indexOf('|') + 1));
    }

    /** The state store of the contacts waiting now (the queue gauges). */
    public static String waitingStoreName() {
        return WaitingProcessor.STORE;
    }

    /**
     * The sums of contributions ({@link Combiner}, already partitioned by key): the agent dimension's to a store of
     * minutes ({@link MinuteWindowsProcessor}); every other's aggregated in windows of every size, each update
     * published. Both with the grace {@code grace}.
     */
    private static void aggregate(KStream<String, KpiTally> sums, Duration grace, Function<KpiWindow, String> storeName,
            String agentStore) {
        publishWindows(sums.filterNot((key, sum) -> isAgentKey(key))
                .groupByKey(Grouped.with(Serdes.String(), KpiSerdes.sum())), grace, storeName);
        sums.filter((key, sum) -> isAgentKey(key))
                .process(() -> new MinuteWindowsProcessor(agentStore, grace), agentStore);
    }

    /**
     * Aggregates the sums of contributions ({@link Combiner}) in windows of every size (grace {@code grace}) and
     * publishes each update.
     */
    private static void publishWindows(KGroupedStream<String, KpiTally> grouped, Duration grace,
            Function<KpiWindow, String> storeName) {
        for (KpiWindow window : KpiWindow.values()) {
            grouped.windowedBy(TimeWindows.ofSizeAndGrace(window.length(), grace))
                    .aggregate(KpiTally::new, (key, sum, tally) -> tally.merge(sum),
                            Materialized.<String, KpiTally, WindowStore<Bytes, byte[]>>as(storeName.apply(window))
                                    .withKeySerde(Serdes.String()).withValueSerde(KpiSerdes.tally())
                                    .withRetention(retention(window, grace)))
                    .toStream()
                    .process(() -> new SnapshotProcessor(window))
                    .filter((key, value) -> Kpis.published(kpiOf(key)))
                    .to((key, value, context) -> Kpis.topic(kpiOf(key)),
                            Produced.with(Serdes.String(), Serdes.String()));
        }
    }

    /** How long the windows of this size stay in their store (and so can be queried): size + grace + P1D. */
    public static Duration retention(KpiWindow window, Duration grace) {
        return window.length().plus(grace).plus(KpiWindow.P1D.length());
    }

    private static String kpiOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    public static Topology build(Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DedupProcessor.DEDUP_STORE, settings.dedupRetention(),
                        DedupProcessor.dedupWindow(), false),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DeflectionProcessor.STORE, settings.dedupRetention(),
                        DeflectionProcessor.window(), false),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OccupancyProcessor.STORE),
                Serdes.String(), KpiSerdes.timeline()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RepeatProcessor.STORE),
                Serdes.String(), KpiSerdes.repeatCorrections()));
        builder.addStateStore(combineStore(COMBINE_STORE));
        builder.addStateStore(combineStore(FCR7_COMBINE_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WaitingProcessor.STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(minuteStore(AGENT_STORE, retention(KpiWindow.P1D, settings.grace())));
        builder.addStateStore(minuteStore(FCR7_AGENT_STORE, retention(KpiWindow.P1D, settings.repeatGrace())));
        Contributions contributions = new Contributions(settings.serviceLevel());
        KStream<String, ParsedEvent> parsed = builder
                .stream(SOURCES, Consumed.with(Serdes.String(), Serdes.String())
                        .withTimestampExtractor(new EventTimeExtractor()).withName("kpi-events"))
                .process(ParseProcessor::new);
        parsed.filterNot((key, p) -> p.isEvent())
                .process(DeadLetterProcessor::new)
                .to(Topics.dlq("metrics"), Produced.with(Serdes.String(), Serdes.String()));
        KStream<String, TierlineEvent> events = parsed.filter((key, p) -> p.isEvent())
                .process(DedupProcessor::new, DedupProcessor.DEDUP_STORE);
        events.process(WaitingProcessor::new, WaitingProcessor.STORE);
        KStream<String, Contribution> byEvent = events.flatMap((key, event) -> contributions.of(event).stream()
                .map(c -> KeyValue.pair(c.key(), c)).toList());
        KStream<String, Contribution> deflections = events.filter((key, event) -> DeflectionProcessor.reads(event))
                .process(DeflectionProcessor::new, DeflectionProcessor.STORE);
        KStream<String, KpiTally> sums = byEvent.merge(occupancy(events)).merge(deflections)
                .process(() -> new Combiner(COMBINE_STORE, settings.combineInterval()), COMBINE_STORE)
                .repartition(Repartitioned.with(Serdes.String(), KpiSerdes.sum()).withName("kpi-contributions"));
        aggregate(sums, settings.grace(), KpiTopology::storeName, AGENT_STORE);
        aggregate(sevenDayFcr(events, settings.repeatWindow(), settings.combineInterval()),
                settings.repeatGrace(), w -> storeName(Kpis.FCR_7D, w), FCR7_AGENT_STORE);
        return builder.build();
    }

    /** Presence, accepts and wrap-ups by agent (repartitioned) to occupancy contributions. */
    private static KStream<String, Contribution> occupancy(KStream<String, TierlineEvent> events) {
        return events.filter((key, event) -> OccupancyProcessor.reads(event))
                .map((key, event) -> KeyValue.pair(OccupancyProcessor.agentOf(event), EventJson.write(event)))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("kpi-occupancy-agents"))
                .process(OccupancyProcessor::new, OccupancyProcessor.STORE);
    }

    /** The pending sums of the {@link Combiner}: in memory, logged, cached (one changelog write per commit). */
    private static StoreBuilder<KeyValueStore<String, Combiner.Pending>> combineStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), KpiSerdes.pending())
                .withCachingEnabled();
    }

    /** The minutes of the agent dimension (logged, cached: one changelog write per key and commit). */
    private static StoreBuilder<WindowStore<String, MinuteTally>> minuteStore(String name, Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, KpiWindow.PT1M.length(), false),
                Serdes.String(), KpiSerdes.minuteTally()).withCachingEnabled();
    }

    /**
     * Resolutions and repeats by resolved contact (repartitioned) to 7-day FCR contributions and corrections, their
     * sums partitioned by key.
     */
    private static KStream<String, KpiTally> sevenDayFcr(KStream<String, TierlineEvent> events,
            Duration repeatWindow, Duration combineInterval) {
        return events.filter((key, event) -> RepeatProcessor.reads(event))
                .map((key, event) -> KeyValue.pair(RepeatProcessor.contactOf(event), RepeatInput.of(event)))
                .repartition(Repartitioned.with(Serdes.String(), KpiSerdes.repeatInput()).withName("kpi-fcr7-contacts"))
                .process(() -> new RepeatProcessor(repeatWindow), RepeatProcessor.STORE)
                .process(() -> new Combiner(FCR7_COMBINE_STORE, combineInterval), FCR7_COMBINE_STORE)
                .repartition(Repartitioned.with(Serdes.String(), KpiSerdes.sum()).withName("kpi-fcr7-contributions"));
    }
}
