package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.metrics.kpi.RepeatCorrections.Change;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatCorrectionsTest {

    static final Duration WEEK = Duration.ofDays(7);
    static final long DAY = Duration.ofDays(1).toMillis();
    static final List<String> DIMS = List.of("all", "queue=l1-chat");

    @Test
    void aFirstContactResolutionCountsProvisionallyAndARepeatWithinTheWindowCorrectsItOnce() {
        var s = RepeatCorrections.NONE.resolved(0, true, DIMS, WEEK);
        assertEquals(List.of(new Change(0, DIMS, 1, 1)), s.changes());
        var repeat = s.next().repeated(3 * DAY, WEEK);
        assertEquals(List.of(new Change(0, DIMS, -1, 0)), repeat.changes());
        // a second repeat corrects nothing more
        assertEquals(List.of(), repeat.next().repeated(4 * DAY, WEEK).changes());
    }

    @Test
    void theWindowIsHalfOpenAfterTheResolution() {
        var s = RepeatCorrections.NONE.resolved(0, true, DIMS, WEEK).next();
        assertEquals(List.of(), s.repeated(0, WEEK).changes(), "not after it");
        assertEquals(1, s.repeated(7 * DAY, WEEK).changes().size(), "exactly 7 days after: inside");
        assertEquals(List.of(), s.repeated(7 * DAY + 1, WEEK).changes(), "later: final");
        assertEquals(List.of(), s.repeated(7 * DAY + 1, WEEK).next().resolutions(), "and forgotten");
    }

    @Test
    void aResolutionThatWasNotFirstContactHasNothingToCorrect() {
        var s = RepeatCorrections.NONE.resolved(0, false, DIMS, WEEK);
        assertEquals(List.of(new Change(0, DIMS, 0, 1)), s.changes());
        assertEquals(List.of(), s.next().repeated(DAY, WEEK).changes());
    }

    @Test
    void aRepeatCorrectsEveryEarlierFirstContactResolutionOfTheContact() {
        var s = RepeatCorrections.NONE.resolved(0, true, DIMS, WEEK).next()
                .resolved(DAY, true, List.of("all"), WEEK).next();
        assertEquals(List.of(new Change(0, DIMS, -1, 0), new Change(DAY, List.of("all"), -1, 0)),
                s.repeated(2 * DAY, WEEK).changes());
    }
}
