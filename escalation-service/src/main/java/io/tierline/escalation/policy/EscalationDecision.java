package io.tierline.escalation.policy;

import io.tierline.events.Priority;

/** Where the policy sends an unresolved contact, and which policy version and rule decided it. */
public record EscalationDecision(int fromTier, int toTier, String queueId, Priority priority,
        String policyVersion, String ruleId) {
}
