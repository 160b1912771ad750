package io.tierline.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.streams.KpiState;
import io.tierline.metrics.streams.KpiTopology;
import io.tierline.metrics.streams.Kpis;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KpiQueryTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:34:56.789Z");
    static final Function<KpiWindow, Duration> RETENTION = w -> KpiTopology.retention(w, Duration.ofMinutes(5));

    @Test
    void noParametersIsEveryKpiOfTheCurrentHourOverAll() {
        var expected = new KpiQuery(Kpis.ALL, KpiWindow.PT1H, "all", NOW);
        assertEquals(expected, parse(null, null, null, null));
        assertEquals(expected, parse("", " ", "", ""));
    }

    @Test
    void readsTheKpiWindowDimensionAndInstant() {
        assertEquals(new KpiQuery(List.of("aht"), KpiWindow.P1D, "tier=3", Instant.parse("2025-03-01T00:00:00Z")),
                parse("aht", "P1D", "tier=3", "2025-03-01T00:00:00Z"));
        for (String d : List.of("all", "queue=l1-chat", "channel=CHAT", "tier=1", "agent=alice")) {
            assertEquals(d, parse(null, null, d, null).dimension());
        }
    }

    @Test
    void namesEveryInvalidParameterAtOnce() {
        var e = assertThrows(ProblemException.class, () -> parse("nps", "PT5M", "channel=FAX", "noon"));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("kpi", "window", "dimension", "at"),
                e.problem().violations().stream().map(Violation::field).toList());
    }

    @Test
    void aDimensionIsAllOrAKnownNameWithAValue() {
        for (String d : List.of("queue", "queue=", "queue= ", "tier=0", "tier=4", "tier=01", "channel=chat", "x=1", "ALL")) {
            var e = assertThrows(ProblemException.class, () -> parse(null, null, d, null), d);
            assertEquals("dimension", e.problem().violations().get(0).field());
        }
    }

    @Test
    void atIsNotInTheFutureNorOlderThanTheWindowsAreKept() {
        assertThrows(ProblemException.class, () -> parse(null, null, null, NOW.plusMillis(1).toString()));
        // PT1M windows are kept 1 min + 5 min grace + 1 day
        Instant oldest = NOW.minus(Duration.ofDays(1).plusMinutes(6));
        assertEquals(oldest, parse(null, "PT1M", null, oldest.toString()).at());
        assertThrows(ProblemException.class, () -> parse(null, "PT1M", null, oldest.minusMillis(1).toString()));
        assertEquals(NOW.minus(Duration.ofDays(2)), parse(null, "P1D", null, NOW.minus(Duration.ofDays(2)).toString()).at());
    }

    @Test
    void aTrailingWindowIsAQuarterOrAnHourAndItsFirstMinuteMustStillBeKept() {
        assertTrue(trailing("PT15M", null, "true").trailing());
        assertTrue(trailing("PT1H", null, " true ").trailing());
        assertFalse(trailing("PT15M", null, "false").trailing());
        assertFalse(trailing("PT15M", null, null).trailing());
        for (String[] bad : new String[][] {{"PT15M", "yes"}, {"PT1M", "true"}, {"P1D", "true"}}) {
            var e = assertThrows(ProblemException.class, () -> trailing(bad[0], null, bad[1]), bad[0] + " " + bad[1]);
            assertEquals(List.of("trailing"), e.problem().violations().stream().map(Violation::field).toList());
        }
        // read from the PT1M windows, kept 1 min + 5 min grace + 1 day: the trailing quarter starts less than 15 min
        // before at, so at may be 1 day 6 min - 15 min old
        Instant oldest = NOW.minus(Duration.ofDays(1).plusMinutes(6)).plus(Duration.ofMinutes(15));
        assertEquals(oldest, trailing("PT15M", oldest.toString(), "true").at());
        var e = assertThrows(ProblemException.class, () -> trailing("PT15M", oldest.minusMillis(1).toString(), "true"));
        assertEquals("at", e.problem().violations().get(0).field());
    }

    @Test
    void theTrailingWindowEndsWithTheMinuteOfAt() {
        // at 12:34:56.789: the trailing quarter is [12:20, 12:35), the trailing hour [11:35, 12:35)
        assertEquals(Instant.parse("2025-03-01T12:20:00Z"), KpiState.trailingStart(KpiWindow.PT15M, NOW));
        assertEquals(Instant.parse("2025-03-01T11:35:00Z"), KpiState.trailingStart(KpiWindow.PT1H, NOW));
    }

    @Test
    void windowsAreAlignedToUtc() {
        assertEquals(Instant.parse("2025-03-01T12:34:00Z"), KpiState.windowStart(KpiWindow.PT1M, NOW));
        assertEquals(Instant.parse("2025-03-01T12:30:00Z"), KpiState.windowStart(KpiWindow.PT15M, NOW));
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"), KpiState.windowStart(KpiWindow.PT1H, NOW));
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), KpiState.windowStart(KpiWindow.P1D, NOW));
        assertEquals(Instant.parse("2025-03-01T12:30:00Z"),
                KpiState.windowStart(KpiWindow.PT15M, Instant.parse("2025-03-01T12:30:00Z")));
    }

    private static KpiQuery trailing(String window, String at, String trailing) {
        return KpiQuery.parse(null, window, null, at, trailing, NOW, RETENTION);
    }

    private static KpiQuery parse(String kpi, String window, String dimension, String at) {
        return KpiQuery.parse(kpi, window, dimension, at, NOW, RETENTION);
    }
}
