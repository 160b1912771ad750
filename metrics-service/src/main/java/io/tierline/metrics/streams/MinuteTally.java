package io.tierline.metrics.streams;

import io.tierline.metrics.KpiWindow;

/**
 * The sums of one {@code kpi|dimension} in one UTC minute, kept apart by the smallest window size that was still
 * open when each arrived (KPIS.md, "Late events"). A window of any size is then the merge, over its minutes, of
 * the parts that size counts: those that arrived while a window of that size or a smaller one was open. So a
 * store of minutes answers every window size exactly as the tumbling windows of each size would, late inputs
 * included. Mutable, owned by one state-store entry.
 */
final class MinuteTally {

    static final int SIZES = KpiWindow.values().length;

    /** The largest event time of each part; {@link Long#MIN_VALUE} where the part is empty. */
    final long[] timestamps = new long[SIZES];
    /** Per smallest open window size (its ordinal), the sum of the inputs; null where none arrived. */
    final KpiTally[] parts = new KpiTally[SIZES];

    MinuteTally() {
        java.util.Arrays.fill(timestamps, Long.MIN_VALUE);
    }

    /** Adds a sum that arrived while {@code smallestOpen} (and every larger size) still took it. */
    MinuteTally add(KpiWindow smallestOpen, long timestamp, KpiTally sum) {
        int i = smallestOpen.ordinal();
        parts[i] = parts[i] == null ? new KpiTally().merge(sum) : parts[i].merge(sum);
        timestamps[i] = Math.max(timestamps[i], timestamp);
        return this;
    }

    /** Adds what a window of this size counts of this minute to {@code into}; @return the largest event time of it */
    long addTo(KpiWindow window, KpiTally into) {
        long timestamp = Long.MIN_VALUE;
        for (int i = 0; i <= window.ordinal(); i++) {
            if (parts[i] != null) {
                into.merge(parts[i]);
                timestamp = Math.max(timestamp, timestamps[i]);
            }
        }
        return timestamp;
    }
}
