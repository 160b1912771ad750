package io.tierline.metrics.streams;

import io.tierline.events.Topics;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.ServiceLevel;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The KPI topology (KPIS.md): the event topics by event time (records that are no event to {@code metrics.dlq}
 * or skipped, see {@link ParseProcessor}), deduplicated by eventId, turned into
 * contributions keyed {@code kpi|dimension}, aggregated in UTC-aligned tumbling windows of every
 * {@link KpiWindow} with a grace period, each update published as a KpiSnapshot to its {@code kpi.*} topic.
 * Plain Kafka Streams; the service runs it in {@code KpiStreams}.
 */
public final class KpiTopology {

    /** The topics the topology reads. */
    public static final List<String> SOURCES = List.of(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ASSIGNMENTS,
            Topics.CONTACTS_RESOLVED, Topics.CONTACTS_ESCALATED);

    /** @param grace how long after its end a window still accepts late events (stream time) */
    public record Settings(Duration grace, Duration dedupRetention, ServiceLevel serviceLevel) {

        public Settings {
            Duration longest = KpiWindow.P1D.length().plus(grace);
            if (dedupRetention.compareTo(longest) < 0) {
                throw new IllegalArgumentException("the dedup retention must be at least " + longest);
            }
        }
    }

    private KpiTopology() {
    }

    /** The state store of the windows of this size (for interactive queries). */
    public static String storeName(KpiWindow window) {
        return "kpi-" + window.name();
    }

    public static Topology build(Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ContributionProcessor.DEDUP_STORE, settings.dedupRetention(),
                        ContributionProcessor.dedupWindow(), false),
                Serdes.String(), Serdes.Long()));
        Contributions contributions = new Contributions(settings.serviceLevel());
        KStream<String, ParsedEvent> parsed = builder
                .stream(SOURCES, Consumed.with(Serdes.String(), Serdes.String())
                        .withTimestampExtractor(new EventTimeExtractor()).withName("kpi-events"))
                .process(ParseProcessor::new);
        parsed.filterNot((key, p) -> p.isEvent())
                .process(DeadLetterProcessor::new)
                .to(Topics.dlq("metrics"), Produced.with(Serdes.String(), Serdes.String()));
        KGroupedStream<String, Contribution> grouped = parsed.filter((key, p) -> p.isEvent())
                .process(() -> new ContributionProcessor(contributions), ContributionProcessor.DEDUP_STORE)
                .groupByKey(Grouped.with("kpi-contributions", Serdes.String(), KpiSerdes.contribution()));
        for (KpiWindow window : KpiWindow.values()) {
            grouped.windowedBy(TimeWindows.ofSizeAndGrace(window.length(), settings.grace()))
                    .aggregate(KpiTally::new, (key, contribution, tally) -> tally.add(contribution),
                            Materialized.<String, KpiTally, WindowStore<Bytes, byte[]>>as(storeName(window))
                                    .withKeySerde(Serdes.String()).withValueSerde(KpiSerdes.tally())
                                    .withRetention(window.length().plus(settings.grace()).plus(KpiWindow.P1D.length())))
                    .toStream()
                    .process(() -> new SnapshotProcessor(window))
                    .to((key, value, context) -> Kpis.topic(key.substring(0, key.indexOf('|'))),
                            Produced.with(Serdes.String(), Serdes.String()));
        }
        return builder.build();
    }
}
