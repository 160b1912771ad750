package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FcrTest {

    @Test
    void isTheShareOfResolvedContactsResolvedAtFirstContact() {
        Fcr fcr = Fcr.of(3, 4);
        assertEquals(0.75, fcr.value());
        assertEquals(3, fcr.numerator());
        assertEquals(4, fcr.denominator());
    }

    @Test
    void keepsTheExactFractionNextToAnInexactRatio() {
        Fcr fcr = Fcr.of(1, 3);
        assertEquals(1.0 / 3.0, fcr.value());
        assertEquals(1, fcr.numerator());
        assertEquals(3, fcr.denominator());
    }

    @Test
    void isUndefinedWhenNothingWasResolved() {
        Fcr fcr = Fcr.of(0, 0);
        assertNull(fcr.value());
        assertEquals(0, fcr.denominator());
    }

    @Test
    void isZeroWhenNoResolutionWasAtFirstContact() {
        assertEquals(0.0, Fcr.of(0, 5).value());
    }

    @Test
    void rejectsMoreFirstContactResolutionsThanResolutions() {
        assertThrows(IllegalArgumentException.class, () -> Fcr.of(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Fcr.of(-1, 1));
    }
}
