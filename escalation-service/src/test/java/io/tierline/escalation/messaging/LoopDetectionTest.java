package io.tierline.escalation.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.escalation.Case;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.policy.EscalationDecision;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loop detection over a table: the same contact moved the same way (from, to, queue) before, since its last resolve. */
class LoopDetectionTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @ParameterizedTest(name = "{0}: {1} -> {2} {3} again? {4}")
    @CsvSource({
            // contact, from, to, queue -> loop (the case moved c-1 1->2 l2-general, then 2->1 l1-callback, and c-1 3->3 l3)
            "c-1, 1, 2, l2-general,  true",
            "c-1, 2, 1, l1-callback, true",
            "c-1, 1, 2, l2-billing,  false",
            "c-1, 2, 3, l3,          false",
            "c-1, 3, 3, l3,          false",
            "c-2, 1, 2, l2-general,  false",
    })
    void sameMoveOfTheSameContactIsALoop(String contactId, int from, int to, String queue, boolean loop) {
        Case c = caseWith(
                escalated("e1", "c-1", 1, 2, "l2-general"),
                escalated("e2", "c-1", 2, 1, "l1-callback"),
                escalated("e3", "c-1", 3, 3, "l3"));

        assertEquals(loop, movedThisWayBefore(c, contactId, from, to, queue));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} {3} again after c-1's resolve? {4}")
    @CsvSource({
            // the case moved c-1 1->2 and c-2 1->2, then c-1 was resolved at tier 2 (the case closed), then c-1 was
            // moved 2->3: c-1's round starts again after its resolve, c-2's does not
            "c-1, 1, 2, l2-general, false",
            "c-1, 2, 3, l3,         true",
            "c-2, 1, 2, l2-general, true",
    })
    void aResolveEndsTheContactsRound(String contactId, int from, int to, String queue, boolean loop) {
        Case c = caseWith(
                escalated("e1", "c-1", 1, 2, "l2-general"),
                escalated("e2", "c-2", 1, 2, "l2-general"),
                new HistoryEntry.Resolved("e3", AT, AT, "c-1", "a", 2, "l2-general", null, null, null),
                escalated("e4", "c-1", 2, 3, "l3"));

        assertEquals(loop, movedThisWayBefore(c, contactId, from, to, queue));
    }

    private static Case caseWith(HistoryEntry... history) {
        return new Case("id", "TL-2026-000001", CaseStatus.OPEN, "c-1", List.of("c-1", "c-2"), null, Channel.CHAT,
                "en", null, null, null, 3, "l3", Priority.NORMAL, 3, AT, AT, null, null, AT, List.of(history));
    }

    private static boolean movedThisWayBefore(Case c, String contactId, int from, int to, String queue) {
        return UnresolvedHandler.movedThisWayBefore(c, contactId,
                new EscalationDecision(from, to, queue, Priority.NORMAL, "1", "r"));
    }

    private static HistoryEntry.Escalated escalated(String id, String contactId, int from, int to, String queue) {
        return new HistoryEntry.Escalated(id, AT, AT, contactId, "a", from, to, queue, Priority.NORMAL, null, null,
                Map.of(), null, "1", "r", null);
    }
}
