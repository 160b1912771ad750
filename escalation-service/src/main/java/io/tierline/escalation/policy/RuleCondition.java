package io.tierline.escalation.policy;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import java.util.Set;

/**
 * When a rule matches. Every dimension that is null matches anything; a set matches if the request's value is
 * in it (reasons: if any of the request's reasons is in it). Escalations so far within {@code min..max}
 * (each bound null for open).
 */
public record RuleCondition(Set<Reason> reasons, Set<Integer> tiers, Set<Channel> channels, Set<String> categories,
        Set<Priority> priorities, Integer minEscalations, Integer maxEscalations) {

    public static final RuleCondition ANY = new RuleCondition(null, null, null, null, null, null, null);

    public RuleCondition {
        reasons = reasons == null ? null : Set.copyOf(reasons);
        tiers = tiers == null ? null : Set.copyOf(tiers);
        channels = channels == null ? null : Set.copyOf(channels);
        categories = categories == null ? null : Set.copyOf(categories);
        priorities = priorities == null ? null : Set.copyOf(priorities);
    }

    boolean matches(EscalationRequest request, Set<Reason> requestReasons) {
        return (reasons == null || requestReasons.stream().anyMatch(reasons::contains))
                && (tiers == null || tiers.contains(request.tier()))
                && (channels == null || channels.contains(request.channel()))
                && (categories == null || (request.category() != null && categories.contains(request.category())))
                && (priorities == null || priorities.contains(request.effectivePriority()))
                && (minEscalations == null || request.escalations() >= minEscalations)
                && (maxEscalations == null || request.escalations() <= maxEscalations);
    }
}
