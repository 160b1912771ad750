package io.tierline.escalation.policy;

import io.tierline.events.Priority;
import io.tierline.events.Segment;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tier policy: from tier N an unresolved contact goes to tier N+1 and that tier's queue with its
 * priority unchanged; at the top tier it stays there with its priority raised one step. A VIP customer's
 * contact is at least HIGH. Plain Java, immutable; every decision records the version and the rule.
 */
public final class TierPolicy {

    public static final int FIRST_TIER = 1;
    public static final int TOP_TIER = 3;
    public static final String BUILTIN_VERSION = "builtin-1";
    public static final String NEXT_TIER = "next-tier";
    public static final String TOP_TIER_REQUEUE = "top-tier-requeue";

    private static final List<PolicyRule> RULES = List.of(
            new PolicyRule(NEXT_TIER, "below the top tier: promote to the next tier and its queue, priority unchanged"
                    + " (a VIP customer at least HIGH)"),
            new PolicyRule(TOP_TIER_REQUEUE, "at the top tier: stay in the tier (the contact's queue, else the"
                    + " tier's queue) with the priority raised one step"));

    private final String version;
    private final Map<Integer, TierTarget> targets;

    /**
     * @throws IllegalArgumentException unless there is exactly one target with a queue and a positive
     *                                  pick-up target for every tier above the first
     */
    public TierPolicy(String version, List<TierTarget> targets) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the policy needs a version");
        }
        var byTier = new TreeMap<Integer, TierTarget>();
        for (TierTarget t : targets) {
            if (t.tier() <= FIRST_TIER || t.tier() > TOP_TIER) {
                throw new IllegalArgumentException("tier " + t.tier() + " cannot be an escalation target");
            }
            if (t.queueId() == null || t.queueId().isBlank()) {
                throw new IllegalArgumentException("tier " + t.tier() + " has no queue");
            }
            if (t.pickupTarget() == null || t.pickupTarget().isNegative() || t.pickupTarget().isZero()) {
                throw new IllegalArgumentException("tier " + t.tier() + " needs a positive pick-up target");
            }
            if (byTier.put(t.tier(), t) != null) {
                throw new IllegalArgumentException("tier " + t.tier() + " is configured twice");
            }
        }
        for (int tier = FIRST_TIER + 1; tier <= TOP_TIER; tier++) {
            if (!byTier.containsKey(tier)) {
                throw new IllegalArgumentException("tier " + tier + " has no queue");
            }
        }
        this.version = version;
        this.targets = Map.copyOf(byTier);
    }

    /** The built-in policy of issue 2, over the configured tier 2 and tier 3 queues and pick-up targets. */
    public static TierPolicy builtin(String tier2Queue, Duration tier2Pickup, String tier3Queue, Duration tier3Pickup) {
        return new TierPolicy(BUILTIN_VERSION, List.of(
                new TierTarget(2, tier2Queue, tier2Pickup), new TierTarget(3, tier3Queue, tier3Pickup)));
    }

    /** @throws IllegalArgumentException for a tier outside 1..{@value #TOP_TIER} */
    public EscalationDecision decide(EscalationRequest request) {
        int from = request.tier();
        if (from < FIRST_TIER || from > TOP_TIER) {
            throw new IllegalArgumentException("tier must be " + FIRST_TIER + ".." + TOP_TIER + " but was " + from);
        }
        Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
        if (from < TOP_TIER) {
            int to = from + 1;
            return new EscalationDecision(from, to, targets.get(to).queueId(),
                    vipFloor(priority, request.segment()), version, NEXT_TIER);
        }
        String queue = request.queueId() == null || request.queueId().isBlank()
                ? targets.get(TOP_TIER).queueId() : request.queueId();
        return new EscalationDecision(from, TOP_TIER, queue, vipFloor(priority.raised(), request.segment()),
                version, TOP_TIER_REQUEUE);
    }

    /** How soon the tier should pick up a contact escalated into it. */
    public Duration pickupTarget(int tier) {
        TierTarget target = targets.get(tier);
        if (target == null) {
            throw new IllegalArgumentException("tier " + tier + " is not an escalation target");
        }
        return target.pickupTarget();
    }

    public String version() {
        return version;
    }

    /** The escalation targets, lowest tier first. */
    public List<TierTarget> targets() {
        return targets.values().stream().sorted(Comparator.comparingInt(TierTarget::tier)).toList();
    }

    public List<PolicyRule> rules() {
        return RULES;
    }

    private static Priority vipFloor(Priority priority, Segment segment) {
        if (segment == Segment.VIP && priority.compareTo(Priority.HIGH) < 0) {
            return Priority.HIGH;
        }
        return priority;
    }
}
