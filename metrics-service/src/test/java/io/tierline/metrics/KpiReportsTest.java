package io.tierline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.metrics.kpi.Aht;
import io.tierline.metrics.kpi.Fcr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiReportsTest {

    /** Answers fixed numbers and records the ranges and filters it was asked about. */
    static final class FixedFacts implements FactStore {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean add(ResolutionFact fact) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean add(HandlingFact fact) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countResolved(KpiFilter filter, Instant from, Instant to) {
            asked.add("resolved " + filter.dimension() + " " + from + " " + to);
            return 4;
        }

        @Override
        public long countFirstContactResolved(KpiFilter filter, Instant from, Instant to) {
            asked.add("first " + filter.dimension() + " " + from + " " + to);
            return 1;
        }

        @Override
        public long[] handleMillis(KpiFilter filter, Instant from, Instant to) {
            asked.add("handle " + filter.dimension() + " " + from + " " + to);
            return new long[] {3000, 1000, 2000};
        }
    }

    @Test
    void theTrailingWindowEndsAtTheGivenInstantAndSpansTheWindowLength() {
        var facts = new FixedFacts();
        Instant end = Instant.parse("2025-03-01T12:00:00Z");
        KpiFilter filter = new KpiFilter("q-1", Channel.CHAT, 1);

        KpiReport report = new KpiReports(facts).trailing(KpiWindow.PT15M, filter, end);

        assertEquals(Instant.parse("2025-03-01T11:45:00Z"), report.windowStart());
        assertEquals(end, report.windowEnd());
        assertEquals(KpiWindow.PT15M, report.window());
        assertEquals(filter, report.filter());
        assertEquals(Fcr.of(1, 4), report.fcr());
        assertEquals(new Aht(3, 2.0, 2.0, 3.0, 3.0), report.aht());
        String range = "queue=q-1,channel=CHAT,tier=1 2025-03-01T11:45:00Z 2025-03-01T12:00:00Z";
        assertEquals(List.of("first " + range, "resolved " + range, "handle " + range), facts.asked);
    }

    @Test
    void everyWindowHasItsLength() {
        Instant end = Instant.parse("2025-03-01T12:00:00Z");
        var reports = new KpiReports(new FixedFacts());
        assertEquals(Instant.parse("2025-03-01T11:59:00Z"), reports.trailing(KpiWindow.PT1M, KpiFilter.ALL, end).windowStart());
        assertEquals(Instant.parse("2025-03-01T11:00:00Z"), reports.trailing(KpiWindow.PT1H, KpiFilter.ALL, end).windowStart());
        assertEquals(Instant.parse("2025-02-28T12:00:00Z"), reports.trailing(KpiWindow.P1D, KpiFilter.ALL, end).windowStart());
    }

    @Test
    void theWindowEndIsTruncatedToTheMillisecondLikeTheStoredTimes() {
        KpiReport report = new KpiReports(new FixedFacts())
                .trailing(KpiWindow.PT1H, KpiFilter.ALL, Instant.parse("2025-03-01T12:00:00.123456789Z"));
        assertEquals(Instant.parse("2025-03-01T12:00:00.123Z"), report.windowEnd());
        assertEquals(Instant.parse("2025-03-01T11:00:00.123Z"), report.windowStart());
    }

    @Test
    void theDimensionNamesTheFiltersApplied() {
        assertEquals("all", KpiFilter.ALL.dimension());
        assertEquals("tier=2", new KpiFilter(null, null, 2).dimension());
        assertEquals("queue=q,channel=EMAIL", new KpiFilter("q", Channel.EMAIL, null).dimension());
    }
}
