package io.tierline.escalation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.events.Priority;
import io.tierline.events.Segment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    private final TierPolicy policy = shipped("l2-general", Duration.ofMinutes(30),
            "l3-engineering", Duration.ofHours(4));

    /** The shipped default policy document over these tier queues and pick-up targets. */
    static TierPolicy shipped(String tier2Queue, Duration tier2Pickup, String tier3Queue, Duration tier3Pickup) {
        return Policies.shippedDefault(tier2Queue, tier2Pickup.toString(), tier3Queue, tier3Pickup.toString());
    }

    private static TierPolicy withTargets(String version, List<TierTarget> targets) {
        return new TierPolicy(version, null, targets, List.of(), null, null, null);
    }

    @ParameterizedTest(name = "tier {0} {1} {2} from {3} -> tier {4} {5} {6} by {7}")
    @CsvSource(nullValues = "null", value = {
            // tier, priority, segment, queue, -> toTier, queue, priority, rule
            "1, NORMAL, STANDARD, l1-en, 2, l2-general,     NORMAL, next-tier",
            "1, LOW,    STANDARD, l1-en, 2, l2-general,     LOW,    next-tier",
            "1, URGENT, STANDARD, l1-en, 2, l2-general,     URGENT, next-tier",
            "1, null,   null,     l1-en, 2, l2-general,     NORMAL, next-tier",
            "1, LOW,    VIP,      l1-en, 2, l2-general,     HIGH,   next-tier",
            "1, NORMAL, VIP,      l1-en, 2, l2-general,     HIGH,   next-tier",
            "1, URGENT, VIP,      l1-en, 2, l2-general,     URGENT, next-tier",
            "2, NORMAL, STANDARD, l2-x,  3, l3-engineering, NORMAL, next-tier",
            "2, HIGH,   VIP,      l2-x,  3, l3-engineering, HIGH,   next-tier",
            "3, NORMAL, STANDARD, l3-db, 3, l3-db,          HIGH,   top-tier-requeue",
            "3, LOW,    STANDARD, l3-db, 3, l3-db,          NORMAL, top-tier-requeue",
            "3, LOW,    VIP,      l3-db, 3, l3-db,          HIGH,   top-tier-requeue",
            "3, HIGH,   STANDARD, null,  3, l3-engineering, URGENT, top-tier-requeue",
            "3, URGENT, STANDARD, l3-db, 3, l3-db,          URGENT, top-tier-requeue",
            "3, null,   STANDARD, l3-db, 3, l3-db,          HIGH,   top-tier-requeue"
    })
    void decides(int tier, Priority priority, Segment segment, String queue,
            int toTier, String toQueue, Priority toPriority, String rule) {
        EscalationDecision decision = policy.decide(new EscalationRequest(tier, queue, priority, segment));

        assertEquals(new EscalationDecision(tier, toTier, toQueue, toPriority, "1", rule), decision);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4, 99})
    void rejectsATierOutsideOneToThree(int tier) {
        assertThrows(IllegalArgumentException.class,
                () -> policy.decide(new EscalationRequest(tier, "q", Priority.NORMAL, Segment.STANDARD)));
    }

    @Test
    void knowsEachTiersPickupTarget() {
        assertEquals(Duration.ofMinutes(30), policy.pickupTarget(2));
        assertEquals(Duration.ofHours(4), policy.pickupTarget(3));
        assertThrows(IllegalArgumentException.class, () -> policy.pickupTarget(1));
    }

    @Test
    void describesItself() {
        assertEquals("1", policy.version());
        assertEquals(List.of(2, 3), policy.targets().stream().map(TierTarget::tier).toList());
        assertEquals(List.of("next-tier", "top-tier-requeue"), policy.rules().stream().map(PolicyRule::id).toList());
    }

    @Test
    void refusesAnIncompleteOrInvalidConfiguration() {
        Duration d = Duration.ofMinutes(5);
        assertThrows(IllegalStateException.class, () -> shipped(" ", d, "l3", d));
        assertThrows(IllegalStateException.class, () -> shipped("l2", d, null, d));
        assertThrows(IllegalStateException.class, () -> shipped("l2", Duration.ZERO, "l3", d));
        assertThrows(IllegalStateException.class, () -> shipped("l2", d, "l3", d.negated()));
        assertThrows(IllegalArgumentException.class,
                () -> withTargets("v", List.of(new TierTarget(2, "l2", d))));
        assertThrows(IllegalArgumentException.class,
                () -> withTargets("v", List.of(new TierTarget(0, "l0", d), new TierTarget(2, "l2", d),
                        new TierTarget(3, "l3", d))));
        assertThrows(IllegalArgumentException.class,
                () -> withTargets("v", List.of(new TierTarget(2, "a", d), new TierTarget(2, "b", d),
                        new TierTarget(3, "l3", d))));
        assertThrows(IllegalArgumentException.class,
                () -> withTargets("", List.of(new TierTarget(2, "l2", d), new TierTarget(3, "l3", d))));
    }
}
