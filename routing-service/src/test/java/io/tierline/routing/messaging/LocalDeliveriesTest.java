package io.tierline.routing.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each own event reaches the streams once: on its acknowledgement or through the fan-out, whichever is first. */
class LocalDeliveriesTest {

    private final AtomicLong clock = new AtomicLong();
    private final LocalDeliveries deliveries = new LocalDeliveries(3, 1_000, clock::get);

    @Test
    void streamedOnAcknowledgementItsFanOutCopyIsNot() {
        deliveries.sending("e1");
        assertTrue(deliveries.acknowledged("e1"));
        assertFalse(deliveries.fannedOut("e1"));
        assertEquals(0, deliveries.size(), "both ways seen: forgotten");
    }

    @Test
    void whenTheFanOutIsFirstTheAcknowledgementStreamsNothing() {
        deliveries.sending("e1");
        assertTrue(deliveries.fannedOut("e1"));
        assertFalse(deliveries.acknowledged("e1"));
        assertEquals(0, deliveries.size());
    }

    @Test
    void anotherInstancesEventIsStreamedByTheFanOut() {
        assertTrue(deliveries.fannedOut("theirs"));
        assertTrue(deliveries.fannedOut("theirs"), "a copy read again is streamed again, as without this");
        assertEquals(0, deliveries.size());
    }

    @Test
    void aFailedSendIsNeverStreamedOnAcknowledgement() {
        deliveries.sending("e1");
        deliveries.failed("e1");
        assertFalse(deliveries.acknowledged("e1"));
        assertEquals(0, deliveries.size());
    }

    @Test
    void eventsWhoseFanOutCopyNeverCameAreForgottenOnceOldAndTooMany() {
        for (String id : new String[] {"old1", "old2", "old3"}) {
            deliveries.sending(id);
            deliveries.acknowledged(id);
        }
        clock.set(700);
        deliveries.sending("young");          // full, but none old enough
        assertEquals(4, deliveries.size());
        clock.set(1_600);
        deliveries.sending("new");            // full: the three older than 1,000 ns go, "young" (900 ns) stays
        assertEquals(2, deliveries.size());
        assertTrue(deliveries.fannedOut("old1"), "a forgotten event's late copy is streamed after all");
        assertTrue(deliveries.fannedOut("young"));
        assertFalse(deliveries.acknowledged("young"), "one not forgotten is still streamed once");
    }
}
