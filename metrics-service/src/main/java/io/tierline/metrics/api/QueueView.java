package io.tierline.metrics.api;

import io.tierline.metrics.kpi.QueueWaits.QueueWait;
import java.time.Instant;

/** One queue in {@code GET /kpis/queues}: contacts waiting now and the longest wait. */
public record QueueView(String queueId, int depth, Instant oldestQueuedAt, double longestWaitSeconds) {

    static QueueView of(QueueWait w) {
        return new QueueView(w.queueId(), w.depth(), w.oldestQueuedAt(), w.longestWaitSeconds());
    }
}
