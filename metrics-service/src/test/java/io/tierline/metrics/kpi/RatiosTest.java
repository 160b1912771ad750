package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.metrics.kpi.ServiceLevel.AbandonRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatiosTest {

    private static ServiceLevel sl(AbandonRule rule) {
        return new ServiceLevel(Duration.ofSeconds(20), Duration.ofSeconds(5), rule);
    }

    @Test
    void ratiosMergeByAddingNumeratorsAndDenominators() {
        Ratio r = Ratio.HIT.plus(Ratio.MISS).plus(Ratio.MISS).plus(Ratio.ZERO);
        assertEquals(new Ratio(1, 3), r);
        assertEquals(1.0 / 3.0, r.value());
        assertNull(Ratio.ZERO.value());
        assertThrows(IllegalArgumentException.class, () -> new Ratio(2, 1));
    }

    @Test
    void answeredWithinTheThresholdInclusiveIsMet() {
        ServiceLevel sl = sl(AbandonRule.IGNORE_SHORT);
        assertEquals(Ratio.HIT, sl.answered(20_000));
        assertEquals(Ratio.MISS, sl.answered(20_001));
        assertEquals(Ratio.HIT, sl.answered(0));
    }

    @Test
    void theAbandonRuleDecidesHowAbandonsCount() {
        // Waits: 3 s (short), exactly 5 s (not short), 15 s (within T), 40 s (beyond T)
        assertEquals(Ratio.ZERO, sl(AbandonRule.IGNORE_SHORT).abandoned(3_000));
        assertEquals(Ratio.MISS, sl(AbandonRule.IGNORE_SHORT).abandoned(5_000));
        assertEquals(Ratio.MISS, sl(AbandonRule.IGNORE_SHORT).abandoned(15_000));
        assertEquals(Ratio.MISS, sl(AbandonRule.IGNORE_SHORT).abandoned(40_000));

        assertEquals(Ratio.MISS, sl(AbandonRule.AGAINST).abandoned(3_000));
        assertEquals(Ratio.MISS, sl(AbandonRule.AGAINST).abandoned(40_000));

        assertEquals(Ratio.HIT, sl(AbandonRule.FOR).abandoned(3_000));
        assertEquals(Ratio.HIT, sl(AbandonRule.FOR).abandoned(20_000));
        assertEquals(Ratio.MISS, sl(AbandonRule.FOR).abandoned(40_000));
    }

    @Test
    void serviceLevelOfAMixedWindowUnderEachRule() {
        // answered after 10 s and 30 s; abandoned after 3 s and 15 s
        // IGNORE_SHORT: met {10 s} / counted {10, 30, 15} = 1/3
        // AGAINST:      met {10 s} / counted {10, 30, 3, 15} = 1/4
        // FOR:          met {10, 3, 15} / counted 4 = 3/4
        assertEquals(new Ratio(1, 3), window(sl(AbandonRule.IGNORE_SHORT)));
        assertEquals(new Ratio(1, 4), window(sl(AbandonRule.AGAINST)));
        assertEquals(new Ratio(3, 4), window(sl(AbandonRule.FOR)));
    }

    private static Ratio window(ServiceLevel sl) {
        return sl.answered(10_000).plus(sl.answered(30_000)).plus(sl.abandoned(3_000)).plus(sl.abandoned(15_000));
    }

    @Test
    void csatIsTheShareOfFoursAndFivesAndTheMean() {
        // scores 5, 4, 3, 1: share 2/4 = 0.5, mean 13 / 4 = 3.25
        Csat csat = Csat.of(5).plus(Csat.of(4)).plus(Csat.of(3)).plus(Csat.of(1));
        assertEquals(new Ratio(2, 4), csat.share());
        assertEquals(0.5, csat.share().value());
        assertEquals(3.25, csat.mean());
        assertNull(Csat.EMPTY.mean());
        assertNull(Csat.EMPTY.share().value());
        assertThrows(IllegalArgumentException.class, () -> Csat.of(0));
        assertThrows(IllegalArgumentException.class, () -> Csat.of(6));
    }
}
