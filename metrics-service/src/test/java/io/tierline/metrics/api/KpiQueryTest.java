package io.tierline.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void windowsAreAlignedToUtc() {
        assertEquals(Instant.parse("2025-03-01T12:34:00Z"), KpiState.windowStart(KpiWindow.PT1M, NOW));
        assertEquals(Instant.parse("2025-03-01T12:30:00Z"), KpiState.windowStart(KpiWindow.PT15M, NOW));
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"), KpiState.windowStart(KpiWindow.PT1H, NOW));
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), KpiState.windowStart(KpiWindow.P1D, NOW));
        assertEquals(Instant.parse("2025-03-01T12:30:00Z"),
                KpiState.windowStart(KpiWindow.PT15M, Instant.parse("2025-03-01T12:30:00Z")));
    }

    private static KpiQuery parse(String kpi, String window, String dimension, String at) {
        return KpiQuery.parse(kpi, window, dimension, at, NOW, RETENTION);
    }
}
