package io.tierline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.EventJson;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Priority;
import io.tierline.events.WrapUpEnded;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale test's checks catch what they are for: a double assignment and a capacity excess. */
class AssignmentLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, Map<String, Integer>> ONE_CHAT = Map.of("a1", Map.of("CHAT", 1));

    private final AssignmentLedger ledger = new AssignmentLedger();

    private void offer(String id, String contact, int publishedAtSecond) {
        ledger.add(EventJson.write(new ContactOffered(id, contact, T0, "a1", "q", 1, Channel.CHAT, Priority.NORMAL,
                "general", "en", "cust", null, "s", null, null)), T0.plusSeconds(publishedAtSecond));
    }

    private void wrapUpEnded(String contact, int atSecond) {
        ledger.add(EventJson.write(new WrapUpEnded("w-" + contact, contact, T0.plusSeconds(atSecond), "a1", "q", 1,
                Channel.CHAT, HandlingOutcome.RESOLVED, T0, T0, 0, 0, 0)), T0.plusSeconds(atSecond));
    }

    private void accepted(String id, String contact) {
        ledger.add(EventJson.write(new OfferAccepted(id, contact, T0, "a1", "q", 1, Channel.CHAT, T0)), T0);
    }

    @Test
    void anOfferWhileTheOnlySlotIsHeldIsAnExcess() {
        offer("o1", "c1", 1);
        offer("o2", "c2", 2);
        wrapUpEnded("c1", 3);
        assertEquals(1, ledger.overCapacity(ONE_CHAT).size());
    }

    @Test
    void anOfferAfterTheReleaseIsNotAndARepublishedOfferCountsOnce() {
        offer("o1", "c1", 1);
        offer("o1", "c1", 2);
        wrapUpEnded("c1", 3);
        offer("o2", "c2", 3);
        assertTrue(ledger.overCapacity(ONE_CHAT).isEmpty());
    }

    @Test
    void twoAcceptedOffersOfOneContactAreADoubleAssignment() {
        accepted("x1", "c1");
        accepted("x1", "c1");
        accepted("x2", "c2");
        accepted("x3", "c2");
        assertEquals(Map.of("c2", 2L, "c3", 0L), ledger.notAssignedExactlyOnce(List.of("c1", "c2", "c3")));
    }
}
