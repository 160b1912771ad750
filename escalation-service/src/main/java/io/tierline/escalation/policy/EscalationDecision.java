package io.tierline.escalation.policy;

import io.tierline.events.Priority;

/**
 * Where the policy sends an unresolved contact, and which policy version and rule decided it. With
 * {@code engineering} the case is also handed to engineering (beyond the top tier).
 */
public record EscalationDecision(int fromTier, int toTier, String queueId, Priority priority,
        String policyVersion, String ruleId, boolean engineering) {

    public EscalationDecision(int fromTier, int toTier, String queueId, Priority priority, String policyVersion,
            String ruleId) {
        this(fromTier, toTier, queueId, priority, policyVersion, ruleId, false);
    }
}
