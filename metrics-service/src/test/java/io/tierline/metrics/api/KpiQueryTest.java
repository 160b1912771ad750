package io.tierline.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.events.Channel;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.KpiWindow;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiQueryTest {

    @Test
    void noParametersIsTheLastHourOverEverything() {
        assertEquals(new KpiQuery(KpiWindow.PT1H, KpiFilter.ALL), KpiQuery.parse(null, null, null, null));
        assertEquals(new KpiQuery(KpiWindow.PT1H, KpiFilter.ALL), KpiQuery.parse("", " ", "", ""));
    }

    @Test
    void readsEveryWindowAndFilter() {
        assertEquals(new KpiQuery(KpiWindow.P1D, new KpiFilter("l1-chat", Channel.CHAT, 3)),
                KpiQuery.parse("P1D", "l1-chat", "CHAT", "3"));
        assertEquals(KpiWindow.PT1M, KpiQuery.parse("PT1M", null, null, null).window());
        assertEquals(KpiWindow.PT15M, KpiQuery.parse("PT15M", null, null, null).window());
    }

    @Test
    void namesEveryInvalidParameterAtOnce() {
        var e = assertThrows(ProblemException.class, () -> KpiQuery.parse("PT5M", "q", "FAX", "4"));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("window", "channel", "tier"), e.problem().violations().stream().map(Violation::field).toList());
    }

    @Test
    void aTierIsOneTwoOrThree() {
        for (String tier : List.of("0", "4", "-1", "1.0", "one", "01")) {
            var e = assertThrows(ProblemException.class, () -> KpiQuery.parse(null, null, null, tier), tier);
            assertEquals("tier", e.problem().violations().get(0).field());
        }
    }
}
