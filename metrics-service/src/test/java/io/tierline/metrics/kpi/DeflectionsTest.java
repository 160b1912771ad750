package io.tierline.metrics.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactReceived;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.metrics.kpi.Deflections.Arrival;
import io.tierline.metrics.kpi.Deflections.Change;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeflectionsTest {

    private static final Instant ARRIVAL = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-01T12:20:00Z");

    @Test
    void aReceivedContactCountsOnceInTheDenominatorAtItsArrival() {
        Change first = Deflections.received(null, received()).orElseThrow();
        assertEquals(new Change(new Arrival(ARRIVAL, Channel.CHAT, "billing", false), 0, 1), first);
        assertTrue(Deflections.received(first.arrival(), received()).isEmpty(), "a second ContactReceived");
    }

    @Test
    void aDeflectionAfterTheContactWasReceivedCountsInTheNumeratorAtTheArrivalOnce() {
        Arrival arrival = Deflections.received(null, received()).orElseThrow().arrival();
        // the deflection says CHAT/other: the arrival's dimensions and time count, so numerator <= denominator
        Change deflected = Deflections.deflected(arrival, deflected(LATER, ARRIVAL, "other")).orElseThrow();
        assertEquals(new Change(new Arrival(ARRIVAL, Channel.CHAT, "billing", true), 1, 0), deflected);
        assertTrue(Deflections.deflected(deflected.arrival(), deflected(LATER, ARRIVAL, "billing")).isEmpty(),
                "deflected twice (another eventId): once");
    }

    @Test
    void aContactDeflectedWhileHeldHadNoContactReceivedAndCountsInBothAtItsArrival() {
        assertEquals(new Change(new Arrival(ARRIVAL, Channel.CHAT, "billing", true), 1, 1),
                Deflections.deflected(null, deflected(LATER, ARRIVAL, "billing")).orElseThrow());
        // without a usable receivedAt (none, or after the deflection): the deflection's own time
        assertEquals(LATER, Deflections.deflected(null, deflected(LATER, null, "billing")).orElseThrow()
                .arrival().receivedAt());
        assertEquals(LATER, Deflections.deflected(null, deflected(LATER, LATER.plusSeconds(1), "billing"))
                .orElseThrow().arrival().receivedAt());
    }

    @Test
    void aContactAbandonedWhileHeldArrivedAllTheSameAndOneAbandonedAfterItsArrivalCountsNothingMore() {
        var abandoned = new ContactAbandoned("e-a", "c-1", LATER, "cust-1", Channel.PHONE, "billing", ARRIVAL);
        Change held = Deflections.abandoned(null, abandoned).orElseThrow();
        assertEquals(new Change(new Arrival(ARRIVAL, Channel.PHONE, "billing", false), 0, 1), held);
        Arrival arrival = Deflections.received(null, received()).orElseThrow().arrival();
        assertTrue(Deflections.abandoned(arrival, abandoned).isEmpty());
        assertTrue(Deflections.received(held.arrival(), received()).isEmpty(), "counted once");
    }

    @Test
    void anArrivalIsEncodedAndDecodedWithAnyCategory() {
        for (Arrival a : new Arrival[] {new Arrival(ARRIVAL, Channel.SMS, "a|b|c", true),
                new Arrival(ARRIVAL, null, null, false), new Arrival(LATER, Channel.EMAIL, "", false)}) {
            Arrival decoded = Arrival.decode(a.encode());
            assertEquals(a.receivedAt(), decoded.receivedAt());
            assertEquals(a.channel(), decoded.channel());
            assertEquals(a.category() == null || a.category().isEmpty() ? null : a.category(), decoded.category());
            assertEquals(a.deflected(), decoded.deflected());
        }
    }

    private static ContactReceived received() {
        return new ContactReceived("e-r", "c-1", ARRIVAL, Channel.CHAT, new Customer("cust-1", null, null, null, null),
                "en", "s", "m", "billing", Priority.NORMAL, null, null, null, null, null, null, null, null);
    }

    private static ContactDeflected deflected(Instant at, Instant receivedAt, String category) {
        return new ContactDeflected("e-d-" + at, "c-1", at, "cust-1", Channel.CHAT, category, "kb-1", receivedAt);
    }
}
