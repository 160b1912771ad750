package io.tierline.escalation.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.escalation.Case;
import io.tierline.escalation.CaseStatus;
import io.tierline.events.Channel;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentHandlerTest {

    private static final Instant ESCALATED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anAcceptanceInTheCasesTierAfterTheEscalationPicksItUp() {
        assertTrue(AssignmentHandler.picksUp(caseAt(2), accept(2, ESCALATED.plusSeconds(60))));
        assertTrue(AssignmentHandler.picksUp(caseAt(3), accept(3, ESCALATED)));
    }

    @Test
    void anAcceptanceInAnotherTierOrBeforeTheEscalationDoesNot() {
        assertFalse(AssignmentHandler.picksUp(caseAt(2), accept(1, ESCALATED.plusSeconds(60))));
        assertFalse(AssignmentHandler.picksUp(caseAt(3), accept(2, ESCALATED.plusSeconds(60))));
        assertFalse(AssignmentHandler.picksUp(caseAt(3), accept(3, ESCALATED.minusSeconds(1))));
    }

    private static OfferAccepted accept(int tier, Instant at) {
        return new OfferAccepted("e", "c", at, "a", "q", tier, Channel.CHAT, at);
    }

    private static Case caseAt(int tier) {
        return new Case("id", "TL-2026-000001", CaseStatus.OPEN, "c", List.of("c"), null, Channel.CHAT, "en", null,
                null, null, tier, "q", Priority.NORMAL, tier - 1, ESCALATED, ESCALATED, null, null, ESCALATED,
                List.of());
    }
}
