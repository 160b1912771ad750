package io.tierline.metrics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import io.tierline.events.ContactResolved;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.MalformedEventException;
import io.tierline.events.WrapUpEnded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFactsTest {

    static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

    static ContactResolved resolved(int tier, int escalations, int transfers) {
        return new ContactResolved("e-1", "c-1", T, "a-1", "q-1", tier, Channel.CHAT, "cust-1", "billing", null,
                "FIXED", "notes", escalations, transfers, null, T.minusSeconds(600), T.minusSeconds(300), 200_000, 10_000);
    }

    @Test
    void firstContactResolutionIsTierOneWithoutEscalationOrTransfer() {
        assertTrue(EventFacts.resolution(resolved(1, 0, 0)).firstContactResolution());
        assertFalse(EventFacts.resolution(resolved(1, 0, 1)).firstContactResolution());
        assertFalse(EventFacts.resolution(resolved(2, 1, 0)).firstContactResolution());
        assertFalse(EventFacts.resolution(resolved(2, 0, 0)).firstContactResolution());
    }

    @Test
    void handleTimeIsTalkPlusHoldPlusAfterContactWork() {
        var wrapUp = new WrapUpEnded("e-2", "c-1", T, "a-1", "q-1", 1, Channel.PHONE, HandlingOutcome.RESOLVED,
                T.minusSeconds(330), T.minusSeconds(30), 240_000, 60_000, 30_000);
        var fact = EventFacts.handling(wrapUp);
        assertEquals(330_000, fact.handleMillis());
        assertEquals("e-2", fact.eventId());
        assertEquals(T, fact.occurredAt());
    }

    @Test
    void anEventWithoutTimeOrWithNegativeDurationsIsMalformed() {
        var noTime = new ContactResolved("e-1", "c-1", null, "a-1", "q-1", 1, Channel.CHAT, "cust-1", null, null,
                null, null, 0, 0, null, null, null, 0, 0);
        assertThrows(MalformedEventException.class, () -> EventFacts.resolution(noTime));
        var negative = new WrapUpEnded("e-2", "c-1", T, "a-1", "q-1", 1, Channel.PHONE, HandlingOutcome.RESOLVED,
                T, T, 1000, -1, 0);
        assertThrows(MalformedEventException.class, () -> EventFacts.handling(negative));
    }
}
