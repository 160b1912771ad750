package io.tierline.metrics.streams;

import io.tierline.metrics.KpiWindow;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Windows of every size read from a store of minutes ({@link MinuteTally}): the merge of the minutes inside the
 * window, each contributing what that window size counts of it. Values and timestamps as a window store of that
 * size would hold them (the timestamp is the largest event time counted); a window with nothing counted is absent.
 */
final class MinuteWindows {

    private static final long MINUTE = KpiWindow.PT1M.length().toMillis();

    private MinuteWindows() {
    }

    /** The window of this size starting at {@code start} for one key, or null if nothing is counted in it. */
    static ValueAndTimestamp<KpiTally> fetch(ReadOnlyWindowStore<String, MinuteTally> minutes, String key,
            KpiWindow window, Instant start) {
        return series(minutes, key, window, start, start).get(start);
    }

    /** The windows of this size of one key starting from {@code fromStart} to {@code toStart}, by start. */
    static Map<Instant, ValueAndTimestamp<KpiTally>> series(ReadOnlyWindowStore<String, MinuteTally> minutes,
            String key, KpiWindow window, Instant fromStart, Instant toStart) {
        Map<Instant, Sum> sums = new TreeMap<>();
        try (var found = minutes.fetch(key, fromStart, lastMinuteOf(window, toStart))) {
            found.forEachRemaining(kv -> sums.computeIfAbsent(Instant.ofEpochMilli(window.startOf(kv.key)),
                    s -> new Sum()).add(window, kv.value));
        }
        return done(sums);
    }

    /**
     * The minutes of one key from {@code fromMinute} to {@code toMinute} merged, each contributing what windows
     * of size {@code countedAs} count of it; null if nothing is counted in them.
     */
    static ValueAndTimestamp<KpiTally> merged(ReadOnlyWindowStore<String, MinuteTally> minutes, String key,
            KpiWindow countedAs, Instant fromMinute, Instant toMinute) {
        Sum sum = new Sum();
        try (var found = minutes.fetch(key, fromMinute, toMinute)) {
            found.forEachRemaining(kv -> sum.add(countedAs, kv.value));
        }
        return done(Map.of(key, sum)).get(key);
    }

    /** Windows of a window store merged into one (e.g. the PT1M windows of a trailing window); null if none. */
    static ValueAndTimestamp<KpiTally> merged(Iterator<KeyValue<Long, ValueAndTimestamp<KpiTally>>> windows) {
        if (!windows.hasNext()) {
            return null;
        }
        KpiTally tally = new KpiTally();
        long timestamp = Long.MIN_VALUE;
        while (windows.hasNext()) {
            ValueAndTimestamp<KpiTally> window = windows.next().value;
            tally.merge(window.value());
            timestamp = Math.max(timestamp, window.timestamp());
        }
        return ValueAndTimestamp.make(tally, timestamp);
    }

    /** Every key's window of this size starting at {@code start}, by key. */
    static Map<String, ValueAndTimestamp<KpiTally>> all(ReadOnlyWindowStore<String, MinuteTally> minutes,
            KpiWindow window, Instant start) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        try (var found = minutes.fetchAll(start, lastMinuteOf(window, start))) {
            found.forEachRemaining(kv -> sums.computeIfAbsent(kv.key.key(), k -> new Sum()).add(window, kv.value));
        }
        return done(sums);
    }

    private static Instant lastMinuteOf(KpiWindow window, Instant start) {
        return start.plus(window.length()).minusMillis(MINUTE);
    }

    private static <K> Map<K, ValueAndTimestamp<KpiTally>> done(Map<K, Sum> sums) {
        Map<K, ValueAndTimestamp<KpiTally>> out = new LinkedHashMap<>();
        sums.forEach((k, sum) -> {
            if (sum.timestamp != Long.MIN_VALUE) {
                out.put(k, ValueAndTimestamp.make(sum.tally, sum.timestamp));
            }
        });
        return out;
    }

    private static final class Sum {
        final KpiTally tally = new KpiTally();
        long timestamp = Long.MIN_VALUE;

        void add(KpiWindow window, MinuteTally minute) {
            timestamp = Math.max(timestamp, minute.addTo(window, tally));
        }
    }
}
