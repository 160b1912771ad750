package io.tierline.metrics.streams;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AgentStatus;
import io.tierline.events.EventJson;
import io.tierline.events.OfferAccepted;
import io.tierline.events.TierlineEvent;
import io.tierline.events.WrapUpEnded;
import io.tierline.metrics.kpi.AgentTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Occupancy (KPIS.md): the events of one agent (keyed by agentId, already deduplicated) advance its
 * {@link AgentTimeline}, kept in a store; each accrued piece becomes an occupancy contribution (occupied ms over
 * staffed ms) at the start of its minute, for {@code all} and the agent. Every minute of stream time every
 * agent's timeline also accrues up to it, so an agent without events is counted while the windows are open.
 */
class OccupancyProcessor implements Processor<String, String, String, Contribution> {

    static final String STORE = "kpi-occupancy-agents";
    static final Set<AgentStatus> STAFFED = EnumSet.of(AgentStatus.AVAILABLE, AgentStatus.BUSY, AgentStatus.WRAP_UP);

    private ProcessorContext<String, Contribution> context;
    private KeyValueStore<String, AgentTimeline> timelines;

    /** Whether occupancy reads the event, and so it goes to the agent's partition. */
    static boolean reads(TierlineEvent event) {
        return event instanceof AgentPresenceChanged || event instanceof OfferAccepted || event instanceof WrapUpEnded;
    }

    static String agentOf(TierlineEvent event) {
        if (event instanceof AgentPresenceChanged e) {
            return e.agentId();
        }
        if (event instanceof OfferAccepted e) {
            return e.agentId();
        }
        if (event instanceof WrapUpEnded e) {
            return e.agentId();
        }
        throw new IllegalArgumentException("occupancy does not read " + event.typeName());
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
        this.timelines = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::accrueAll);
    }

    /** Every minute of stream time, every agent's time accrues up to it, events or not. */
    private void accrueAll(long streamTime) {
        List<KeyValue<String, AgentTimeline>> all = new ArrayList<>();
        try (var iterator = timelines.all()) {
            iterator.forEachRemaining(all::add);
        }
        for (var kv : all) {
            if (kv.value.since() >= 0 && kv.value.since() < streamTime) {
                apply(kv.key, kv.value.until(streamTime));
            }
        }
    }

    @Override
    public void process(Record<String, String> record) {
        String agent = record.key();
        if (agent == null || agent.isBlank()) {
            return;
        }
        TierlineEvent event = EventJson.read(record.value(), TierlineEvent.class);
        AgentTimeline timeline = timelines.get(agent);
        if (timeline == null) {
            timeline = AgentTimeline.START;
        }
        long time = record.timestamp();
        AgentTimeline.Step step;
        if (event instanceof AgentPresenceChanged e) {
            step = timeline.presence(time, STAFFED.contains(e.status()));
        } else if (event instanceof OfferAccepted e) {
            step = timeline.accepted(time, e.contactId());
        } else if (event instanceof WrapUpEnded e) {
            step = timeline.wrappedUp(time, e.contactId());
        } else {
            return;
        }
        apply(agent, step);
    }

    private void apply(String agent, AgentTimeline.Step step) {
        timelines.put(agent, step.next());
        for (AgentTimeline.Piece piece : step.pieces()) {
            for (String dimension : new String[] {Contributions.ALL, "agent=" + agent}) {
                var c = new Contribution(Contribution.key(Kpis.OCCUPANCY, dimension), piece.occupiedMillis(),
                        piece.staffedMillis(), null, 0);
                context.forward(new Record<>(c.key(), c, piece.minuteStart()));
            }
        }
    }
}
