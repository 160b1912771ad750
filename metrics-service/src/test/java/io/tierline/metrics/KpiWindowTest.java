package io.tierline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KpiWindowTest {

    private static final Duration GRACE = Duration.ofMinutes(5);

    private static long at(String time) {
        return Instant.parse("2025-03-01T" + time + "Z").toEpochMilli();
    }

    @Test
    void windowsStartAtMultiplesOfTheirSizeInUtc() {
        assertEquals(at("12:13:00"), KpiWindow.PT1M.startOf(at("12:13:59.999")));
        assertEquals(at("12:00:00"), KpiWindow.PT15M.startOf(at("12:14:59")));
        assertEquals(at("12:15:00"), KpiWindow.PT15M.startOf(at("12:15:00")));
        assertEquals(at("00:00:00"), KpiWindow.P1D.startOf(at("23:59:59")));
        assertEquals(Instant.parse("1969-12-31T23:59:00Z").toEpochMilli(), KpiWindow.PT1M.startOf(-1));
    }

    @Test
    void aWindowTakesInputsUntilItsEndPlusTheGrace() {
        // [12:13, 12:14) closes at 12:19:00 of stream time
        assertTrue(KpiWindow.PT1M.openAt(at("12:13:30"), at("12:18:59.999"), GRACE));
        assertFalse(KpiWindow.PT1M.openAt(at("12:13:30"), at("12:19:00"), GRACE));
    }

    @Test
    void theSmallestOpenSizeIsTheFirstThatStillTakesTheInput() {
        long input = at("12:13:00");
        assertEquals(Optional.of(KpiWindow.PT1M), KpiWindow.smallestOpen(input, at("12:18:00"), GRACE));
        // its minute closed at 12:19, its quarter [12:00, 12:15) at 12:20, its hour at 13:05, its day at 00:05
        assertEquals(Optional.of(KpiWindow.PT15M), KpiWindow.smallestOpen(input, at("12:19:00"), GRACE));
        assertEquals(Optional.of(KpiWindow.PT1H), KpiWindow.smallestOpen(input, at("12:20:00"), GRACE));
        assertEquals(Optional.of(KpiWindow.P1D), KpiWindow.smallestOpen(input, at("13:05:00"), GRACE));
        assertEquals(Optional.empty(), KpiWindow.smallestOpen(input,
                Instant.parse("2025-03-02T00:05:00Z").toEpochMilli(), GRACE));
    }
}
