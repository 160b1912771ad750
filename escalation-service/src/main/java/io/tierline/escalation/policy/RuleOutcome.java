package io.tierline.escalation.policy;

import io.tierline.events.Priority;

/**
 * What a matching rule does. The target is the {@link Target#NEXT} tier (with its queue), the {@link Target#SAME}
 * tier (the contact's queue, else the tier's queue: a priority boost in place), or a numbered {@code tier} with
 * {@code queueId} (null: the tier's queue). The priority is {@code setPriority} if given, else raised
 * {@code raise} steps, then at least {@code atLeast}. A numbered tier at or below the current one is allowed only
 * with {@code deEscalate}.
 */
public record RuleOutcome(Target target, Integer tier, String queueId, Priority setPriority, int raise,
        Priority atLeast, boolean deEscalate) {

    public enum Target {
        NEXT, SAME, TIER,
        /** Beyond the top tier: hand the case to engineering; the contact stays in the top tier meanwhile. */
        ENGINEERING
    }

    public static RuleOutcome next() {
        return new RuleOutcome(Target.NEXT, null, null, null, 0, null, false);
    }

    public static RuleOutcome stay(int raise) {
        return new RuleOutcome(Target.SAME, null, null, null, raise, null, false);
    }

    Priority apply(Priority current) {
        Priority p = setPriority != null ? setPriority : current;
        if (setPriority == null) {
            for (int i = 0; i < raise; i++) {
                p = p.raised();
            }
        }
        return atLeast != null && p.compareTo(atLeast) < 0 ? atLeast : p;
    }
}
