package io.tierline.metrics.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The queue gauges at one moment (KPIS.md, "Queue gauges"): per queue, how many contacts wait and how long the
 * longest has waited, from the contacts waiting now. Plain Java.
 */
public final class QueueWaits {

    /** A contact waiting in a queue since {@code queuedAt}. */
    public record Waiting(String queueId, Instant queuedAt) {

        /** {@code queueId|epochMillis}, as kept in the topology's store. */
        public String encode() {
            return queuedAt.toEpochMilli() + "|" + queueId;
        }

        public static Waiting decode(String value) {
            int bar = value.indexOf('|');
            return new Waiting(value.substring(bar + 1), Instant.ofEpochMilli(Long.parseLong(value.substring(0, bar))));
        }
    }

    /** One queue: its depth, its oldest waiting contact's {@code queuedAt} and the wait until {@code at}. */
    public record QueueWait(String queueId, int depth, Instant oldestQueuedAt, double longestWaitSeconds) {
    }

    private QueueWaits() {
    }

    /** Queues in id order; a wait that would start after {@code at} (clock skew) counts as 0. */
    public static List<QueueWait> at(Instant at, Collection<Waiting> waiting) {
        Map<String, int[]> depth = new TreeMap<>();
        Map<String, Instant> oldest = new TreeMap<>();
        for (Waiting w : waiting) {
            depth.computeIfAbsent(w.queueId(), q -> new int[1])[0]++;
            oldest.merge(w.queueId(), w.queuedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return depth.entrySet().stream().map(e -> {
            Instant first = oldest.get(e.getKey());
            long millis = Math.max(0, Duration.between(first, at).toMillis());
            return new QueueWait(e.getKey(), e.getValue()[0], first, millis / 1000.0);
        }).toList();
    }
}
