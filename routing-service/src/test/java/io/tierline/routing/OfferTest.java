package io.tierline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import io.tierline.events.HandlingOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The handle-time parts of one handling: hold adds up, talk excludes it; expiry. Plain Java. */
class OfferTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Offer assigned(Instant heldAt, long finishedHolds) {
        return new Offer("a", 1, T0, T0.plusSeconds(30), T0.plusSeconds(10), true, heldAt, finishedHolds, 1,
                finishedHolds, null);
    }

    @Test
    void aRunningHoldCountsUntilTheGivenTimeAndTalkIsTheRest() {
        Offer offer = assigned(T0.plusSeconds(40), 5_000);
        Instant end = T0.plusSeconds(70);

        assertEquals(5_000 + 30_000, offer.holdMillisAt(end));
        assertEquals(60_000 - 35_000, offer.talkMillisAt(end));
        assertEquals(5_000, assigned(null, 5_000).holdMillisAt(end));
        assertEquals(55_000, assigned(null, 5_000).talkMillisAt(end));
    }

    @Test
    void anOfferExpiresAtItsExpiryNotBefore() {
        Offer offer = new Offer("a", 1, T0, T0.plusSeconds(20));

        assertFalse(offer.expired(T0.plusMillis(19_999)));
        assertTrue(offer.expired(T0.plusSeconds(20)));
    }

    @Test
    void wrapUpTalkExcludesTheHandlingsHold() {
        WrapUp wrapUp = new WrapUp(1, "a", "q", 1, Channel.CHAT, HandlingOutcome.RESOLVED, T0, T0.plusSeconds(90),
                T0.plusSeconds(120), 20_000);

        assertEquals(70_000, wrapUp.talkMillis());
    }
}
