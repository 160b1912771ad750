package io.tierline.escalation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.UnresolvedReason;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules engine over a table: first matching rule wins, on every dimension a rule can match. */
class PolicyRulesTest {

    private final TierPolicy policy = PolicyDocument.read(TestPolicies.document(), "7");

    @ParameterizedTest(name = "[{index}] tier {0} {2} {3} {4} {5} {6} repeat={7} supervisor={8} talk={9}s esc={10} -> {11} {12} {13} by {14}")
    @CsvSource(nullValues = "null", value = {
            // tier, queue, priority, segment, reason, channel, category, repeatOf, supervisor, talkSeconds, escalations -> toTier, queue, priority, rule
            "1, l1-general, NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  fraud,   null,  false, 60,   0, 3, l3-fraud,       URGENT, fraud-straight-to-l3",
            "2, l2-general, LOW,    STANDARD, AGENT_ESCALATED, EMAIL, fraud,   null,  false, 60,   1, 3, l3-fraud,       URGENT, fraud-straight-to-l3",
            "3, l3-x,       NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  fraud,   null,  false, 60,   2, 3, l3-x,           HIGH,   top-tier-requeue",
            "1, l1-general, NORMAL, STANDARD, AGENT_ESCALATED, PHONE, billing, null,  true,  60,   0, 2, l2-supervisors, HIGH,   supervisor",
            "1, l1-general, NORMAL, VIP,      AGENT_ESCALATED, CHAT,  billing, null,  false, 60,   0, 2, l2-vip,         HIGH,   vip-fast-track",
            "1, l1-general, URGENT, VIP,      AGENT_ESCALATED, CHAT,  billing, null,  false, 60,   0, 2, l2-vip,         URGENT, vip-fast-track",
            "2, l2-general, NORMAL, STANDARD, SLA_BREACH,      CHAT,  billing, null,  false, 0,    1, 1, l1-callback,    NORMAL, l2-breach-back-to-l1",
            "2, l2-general, NORMAL, STANDARD, SLA_BREACH,      CHAT,  billing, null,  false, 0,    0, 3, l3-engineering, NORMAL, next-tier",
            "1, l1-general, LOW,    STANDARD, SLA_BREACH,      CHAT,  billing, null,  false, 0,    0, 1, l1-general,     HIGH,   waited-l1-boost",
            "1, null,       LOW,    STANDARD, SLA_BREACH,      CHAT,  billing, null,  false, 0,    0, 1, l1-general,     HIGH,   waited-l1-boost",
            "1, l1-chat,    NORMAL, STANDARD, AGENT_ESCALATED, PHONE, tech,    null,  false, 1500, 0, 2, l2-general,     HIGH,   long-call",
            "1, l1-chat,    NORMAL, STANDARD, AGENT_ESCALATED, PHONE, tech,    null,  false, 1200, 0, 2, l2-general,     HIGH,   long-call",
            "1, l1-chat,    NORMAL, STANDARD, AGENT_ESCALATED, PHONE, tech,    null,  false, 1199, 0, 2, l2-general,     NORMAL, next-tier",
            "1, l1-chat,    NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  tech,    null,  false, 1500, 0, 2, l2-general,     NORMAL, next-tier",
            "1, l1-general, NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  billing, c-old, false, 60,   0, 2, l2-billing,     HIGH,   repeat-billing",
            "1, l1-general, HIGH,   STANDARD, AGENT_ESCALATED, CHAT,  billing, c-old, false, 60,   0, 2, l2-general,     HIGH,   next-tier",
            "1, l1-general, null,   null,     null,            CHAT,  billing, c-old, false, 60,   0, 2, l2-billing,     HIGH,   repeat-billing",
            "1, l1-general, NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  refunds, c-old, false, 60,   0, 2, l2-general,     NORMAL, next-tier",
            "1, l1-general, NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  billing, null,  false, 60,   3, 3, l3-engineering, NORMAL, many-escalations",
            "2, l2-general, LOW,    VIP,      AGENT_ESCALATED, CHAT,  billing, null,  false, 60,   5, 3, l3-engineering, HIGH,   many-escalations",
            "1, l1-general, NORMAL, STANDARD, AGENT_ESCALATED, CHAT,  legal,   null,  false, 60,   0, 2, l2-general,     NORMAL, next-tier",
            "3, null,       URGENT, STANDARD, AGENT_ESCALATED, CHAT,  billing, null,  false, 60,   2, 3, l3-engineering, URGENT, top-tier-requeue",
    })
    void firstMatchingRuleDecides(int tier, String queue, Priority priority, Segment segment, UnresolvedReason reason,
            Channel channel, String category, String repeatOf, boolean supervisor, long talkSeconds, int escalations,
            int toTier, String toQueue, Priority toPriority, String rule) {
        var request = new EscalationRequest(tier, queue, priority, segment, reason, channel, category, repeatOf,
                supervisor ? Map.of("supervisorRequested", "TRUE") : Map.of("other", "x"), talkSeconds * 1000, 0,
                escalations);

        assertEquals(new EscalationDecision(tier, toTier, toQueue, toPriority, "7", rule), policy.decide(request));
    }

    @Test
    void derivesEveryReasonItCan() {
        var all = new EscalationRequest(1, "q", Priority.NORMAL, Segment.VIP, UnresolvedReason.SLA_BREACH,
                Channel.PHONE, "legal", "c-1", Map.of("supervisorRequested", "true"), 1_100_000, 100_000, 0);
        assertEquals(EnumSet.of(Reason.SLA_BREACH, Reason.REPEAT_CONTACT, Reason.VIP, Reason.SPECIALIST_CATEGORY,
                Reason.SUPERVISOR_REQUESTED, Reason.HANDLE_TIME_EXCEEDED), policy.reasons(all));
        var none = new EscalationRequest(1, "q", null, null, null, Channel.CHAT, null, " ",
                Map.of("supervisorRequested", "no"), 1000, 0, 0);
        assertEquals(EnumSet.of(Reason.AGENT_ESCALATED), policy.reasons(none));
    }

    @Test
    void whenNoRuleMatchesTheContactStaysInItsTierOneStepMoreUrgent() {
        var doc = TestPolicies.document();
        doc.withArray("rules").removeAll();
        doc.withArray("rules").addObject().put("id", "only-tier-1")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("when",
                        TestPolicies.MAPPER.createObjectNode().set("tiers", TestPolicies.MAPPER.createArrayNode().add(1)))
                .putObject("target").put("tier", "next");
        TierPolicy sparse = PolicyDocument.read(doc, "8");

        assertEquals(new EscalationDecision(2, 2, "l2-x", Priority.HIGH, "8", TierPolicy.NO_RULE_MATCHED),
                sparse.decide(new EscalationRequest(2, "l2-x", Priority.NORMAL, Segment.STANDARD)));
    }

    @Test
    void aPreventedLoopStaysInTheTierWithTheRulesVersionAndId() {
        var request = new EscalationRequest(1, "l1-general", Priority.NORMAL, Segment.STANDARD);
        EscalationDecision move = policy.decide(request);
        assertEquals(new EscalationDecision(1, 2, "l2-general", Priority.NORMAL, "7", "next-tier"), move);

        assertEquals(new EscalationDecision(1, 1, "l1-general", Priority.HIGH, "7", "next-tier"),
                policy.stayInstead(request, move));
    }
}
