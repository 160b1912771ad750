package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.metrics.kpi.QueueWaits.QueueWait;
import io.tierline.metrics.kpi.QueueWaits.Waiting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueWaitsTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:01:00Z");

    @Test
    void depthAndLongestWaitPerQueueInIdOrder() {
        var waiting = List.of(new Waiting("l1-chat", Instant.parse("2025-03-01T12:00:30Z")),
                new Waiting("l1-chat", Instant.parse("2025-03-01T12:00:00.250Z")),
                new Waiting("a-email", Instant.parse("2025-03-01T12:00:59Z")));
        assertEquals(List.of(new QueueWait("a-email", 1, Instant.parse("2025-03-01T12:00:59Z"), 1.0),
                new QueueWait("l1-chat", 2, Instant.parse("2025-03-01T12:00:00.250Z"), 59.75)),
                QueueWaits.at(NOW, waiting));
    }

    @Test
    void noWaitingContactsNoQueuesAndAFutureQueuedAtWaitsZero() {
        assertEquals(List.of(), QueueWaits.at(NOW, List.of()));
        assertEquals(0.0, QueueWaits.at(NOW, List.of(new Waiting("q", NOW.plusSeconds(5)))).get(0).longestWaitSeconds());
    }

    @Test
    void aWaitingContactSurvivesItsEncoding() {
        var w = new Waiting("queue|with|bars", Instant.parse("2025-03-01T12:00:00.123Z"));
        assertEquals(w, Waiting.decode(w.encode()));
    }
}
