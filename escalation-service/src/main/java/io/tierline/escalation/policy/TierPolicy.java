package io.tierline.escalation.policy;

import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.UnresolvedReason;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A version of the tier policy: a queue catalogue per tier and an ordered list of rules; the first rule that
 * matches an unresolved contact decides where it goes. Plain Java and immutable; built (and validated) from
 * the policy document by {@link PolicyDocument}. Every decision records the version and the rule.
 *
 * <p>Loop guard: a numbered target at or below the current tier is honoured only by a rule that says
 * {@code deEscalate}; {@link PolicyDocument} rejects any other, and {@link #decide} would turn one into a
 * priority boost in place.
 */
public final class TierPolicy {

    public static final int FIRST_TIER = 1;
    public static final int TOP_TIER = 3;
    /** The rule id recorded when no rule of the policy matched: stay in the tier, priority raised one step. */
    public static final String NO_RULE_MATCHED = "no-rule-matched";

    private final String version;
    private final String description;
    private final Map<Integer, TierTarget> targets;
    private final List<PolicyRule> rules;
    private final Priority vipPriorityFloor;
    private final Set<String> specialistCategories;
    private final Duration handleTimeThreshold;

    /**
     * @throws IllegalArgumentException without a version, or unless tiers 2 and 3 are in the catalogue, each
     *                                  with a queue and a positive pick-up target
     */
    public TierPolicy(String version, String description, List<TierTarget> targets, List<PolicyRule> rules,
            Priority vipPriorityFloor, Set<String> specialistCategories, Duration handleTimeThreshold) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the policy needs a version");
        }
        var byTier = new TreeMap<Integer, TierTarget>();
        for (TierTarget t : targets) {
            if (t.tier() < FIRST_TIER || t.tier() > TOP_TIER) {
                throw new IllegalArgumentException("tier " + t.tier() + " is not a tier");
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
        this.description = description;
        this.targets = Map.copyOf(byTier);
        this.rules = List.copyOf(rules);
        this.vipPriorityFloor = vipPriorityFloor;
        this.specialistCategories = specialistCategories == null ? Set.of() : Set.copyOf(specialistCategories);
        this.handleTimeThreshold = handleTimeThreshold;
    }

    /** The same policy under another version (a stored document gets its number when it is stored). */
    public TierPolicy withVersion(String newVersion) {
        return new TierPolicy(newVersion, description, targets(), rules, vipPriorityFloor, specialistCategories,
                handleTimeThreshold);
    }

    /** @throws IllegalArgumentException for a tier outside 1..{@value #TOP_TIER} */
    public EscalationDecision decide(EscalationRequest request) {
        int from = request.tier();
        if (from < FIRST_TIER || from > TOP_TIER) {
            throw new IllegalArgumentException("tier must be " + FIRST_TIER + ".." + TOP_TIER + " but was " + from);
        }
        Set<Reason> reasons = reasons(request);
        for (PolicyRule rule : rules) {
            if (rule.when().matches(request, reasons)) {
                return apply(rule.id(), rule.then(), request);
            }
        }
        return apply(NO_RULE_MATCHED, RuleOutcome.stay(1), request);
    }

    /**
     * Loop prevention: instead of {@code decision}'s move, which was made for this contact before, the contact
     * stays in its tier with its priority raised one step. Version and rule stay those of the decision.
     */
    public EscalationDecision stayInstead(EscalationRequest request, EscalationDecision decision) {
        EscalationDecision stay = apply(decision.ruleId(), RuleOutcome.stay(1), request);
        return new EscalationDecision(stay.fromTier(), stay.toTier(), stay.queueId(), stay.priority(),
                decision.policyVersion(), decision.ruleId());
    }

    /** The reasons the policy sees in a request. */
    public Set<Reason> reasons(EscalationRequest request) {
        var reasons = EnumSet.noneOf(Reason.class);
        reasons.add(request.reason() == UnresolvedReason.SLA_BREACH ? Reason.SLA_BREACH : Reason.AGENT_ESCALATED);
        if (request.repeatOf() != null && !request.repeatOf().isBlank()) {
            reasons.add(Reason.REPEAT_CONTACT);
        }
        if (request.segment() == Segment.VIP) {
            reasons.add(Reason.VIP);
        }
        if (request.category() != null && specialistCategories.contains(request.category())) {
            reasons.add(Reason.SPECIALIST_CATEGORY);
        }
        if (request.supervisorRequested()) {
            reasons.add(Reason.SUPERVISOR_REQUESTED);
        }
        if (handleTimeThreshold != null
                && request.talkMillis() + request.holdMillis() >= handleTimeThreshold.toMillis()) {
            reasons.add(Reason.HANDLE_TIME_EXCEEDED);
        }
        return reasons;
    }

    private EscalationDecision apply(String ruleId, RuleOutcome then, EscalationRequest request) {
        int from = request.tier();
        int to;
        String queue;
        RuleOutcome outcome = then;
        boolean loops = outcome.target() == RuleOutcome.Target.TIER && outcome.tier() <= from && !outcome.deEscalate();
        boolean engineering = outcome.target() == RuleOutcome.Target.ENGINEERING && from == TOP_TIER;
        if (outcome.target() == RuleOutcome.Target.NEXT && from >= TOP_TIER || loops
                || outcome.target() == RuleOutcome.Target.ENGINEERING && !engineering) {
            outcome = RuleOutcome.stay(1);
        }
        switch (outcome.target()) {
            case NEXT -> {
                to = from + 1;
                queue = targets.get(to).queueId();
            }
            case TIER -> {
                to = outcome.tier();
                queue = outcome.queueId() != null ? outcome.queueId() : targets.get(to).queueId();
            }
            default -> {
                // SAME, and ENGINEERING: the contact waits in the top tier while engineering works on the case
                to = from;
                queue = request.queueId() != null && !request.queueId().isBlank() ? request.queueId()
                        : targets.containsKey(from) ? targets.get(from).queueId() : null;
            }
        }
        Priority priority = outcome.apply(request.effectivePriority());
        if (request.segment() == Segment.VIP && vipPriorityFloor != null && priority.compareTo(vipPriorityFloor) < 0) {
            priority = vipPriorityFloor;
        }
        return new EscalationDecision(from, to, queue, priority, version, ruleId, engineering);
    }

    /** How soon the tier should pick up a contact escalated into it. */
    public Duration pickupTarget(int tier) {
        return pickupTargetOf(tier).orElseThrow(
                () -> new IllegalArgumentException("tier " + tier + " is not in the policy's catalogue"));
    }

    /** The tier's pick-up target, if the catalogue declares the tier. */
    public Optional<Duration> pickupTargetOf(int tier) {
        return Optional.ofNullable(targets.get(tier)).map(TierTarget::pickupTarget);
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    /** The catalogue, lowest tier first. */
    public List<TierTarget> targets() {
        return targets.values().stream().sorted(Comparator.comparingInt(TierTarget::tier)).toList();
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    public Priority vipPriorityFloor() {
        return vipPriorityFloor;
    }

    public Set<String> specialistCategories() {
        return specialistCategories;
    }

    public Duration handleTimeThreshold() {
        return handleTimeThreshold;
    }
}
