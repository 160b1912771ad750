package io.tierline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SelfServiceHoldTest {

    private final SelfServiceHold hold = new SelfServiceHold(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void theGatewaysRequestWinsUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(60), hold.holdFor(Duration.ofSeconds(60)));
        assertEquals(Duration.ZERO, hold.holdFor(Duration.ZERO), "0 asks for no hold");
        assertEquals(Duration.ofMinutes(5), hold.holdFor(Duration.ofHours(3)), "capped");
    }

    @Test
    void withoutARequestTheDefaultAppliesAlsoCapped() {
        assertEquals(Duration.ofSeconds(30), hold.holdFor(null));
        assertEquals(Duration.ofSeconds(10), new SelfServiceHold(Duration.ofMinutes(1), Duration.ofSeconds(10))
                .holdFor(null));
        assertEquals(Duration.ZERO, new SelfServiceHold(Duration.ZERO, Duration.ofMinutes(10)).holdFor(null),
                "off by default");
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SelfServiceHold(Duration.ofSeconds(-1), Duration.ZERO));
    }
}
