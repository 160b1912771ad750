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

/** Loop detection over a table: the same contact moved the same way (from, to, queue) before. */
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
        Case c = new Case("id", "TL-2026-000001", CaseStatus.OPEN, "c-1", List.of("c-1", "c-2"), null, Channel.CHAT,
                "en", null, null, null, 3, "l3", Priority.NORMAL, 3, AT, AT, null, null, AT, List.of(
                        escalated("e1", "c-1", 1, 2, "l2-general"),
                        escalated("e2", "c-1", 2, 1, "l1-callback"),
                        escalated("e3", "c-1", 3, 3, "l3")));

        assertEquals(loop, UnresolvedHandler.movedThisWayBefore(c, contactId,
                new EscalationDecision(from, to, queue, Priority.NORMAL, "1", "r")));
    }

    private static HistoryEntry.Escalated escalated(String id, String contactId, int from, int to, String queue) {
        return new HistoryEntry.Escalated(id, AT, AT, contactId, "a", from, to, queue, Priority.NORMAL, null, null,
                Map.of(), null, "1", "r", null);
    }
}
