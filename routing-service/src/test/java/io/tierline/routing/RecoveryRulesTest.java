package io.tierline.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which reservations the recovery sweep leaves alone: those a contact holds by right. Plain Java. */
class RecoveryRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Contact contact(ContactState state, Offer offer, List<WrapUp> wrapUps, OfferLapse lapse) {
        return new Contact("c", state, Channel.CHAT, null, "en", "s", null, Priority.NORMAL, null, null, 0, "q", 1,
                "r", T0, T0, "e", offer == null ? 0 : offer.seq(), offer, null, List.of(), List.of(), wrapUps,
                List.of(), lapse, null, 0, null);
    }

    private static boolean claimed(Contact contact, String agent) {
        return Recovery.claimedBy(Optional.of(contact), agent);
    }

    @Test
    void anOfferOrAssignmentToTheAgentHoldsItsCapacity() {
        Offer offer = new Offer("a", 1, T0, T0.plusSeconds(30));
        assertTrue(claimed(contact(ContactState.OFFERED, offer, List.of(), null), "a"));
        assertTrue(claimed(contact(ContactState.ASSIGNED, offer, List.of(), null), "a"));
        assertFalse(claimed(contact(ContactState.OFFERED, offer, List.of(), null), "b"), "offered to another");
    }

    @Test
    void aWrapUpOrALapseWithTheAgentHoldsItsCapacity() {
        WrapUp wrapUp = new WrapUp(1, "a", "q", 1, Channel.CHAT, HandlingOutcome.RESOLVED, T0, T0, T0, 0);
        assertTrue(claimed(contact(ContactState.RESOLVED, null, List.of(wrapUp), null), "a"));
        assertTrue(claimed(contact(ContactState.PENDING, null, List.of(),
                new OfferLapse("a", 1, "q", 1, T0)), "a"));
        assertFalse(claimed(contact(ContactState.RESOLVED, null, List.of(wrapUp), null), "b"));
    }

    @Test
    void aQueuedOrUnknownContactHoldsNothing() {
        assertFalse(claimed(contact(ContactState.QUEUED, null, List.of(), null), "a"),
                "reserved, never claimed: the crash between the two updates");
        assertFalse(Recovery.claimedBy(Optional.empty(), "a"));
    }
}
