package io.tierline.escalation.policy;

/** A rule of the policy: its id (recorded with every decision it makes), what it says, when and what. */
public record PolicyRule(String id, String description, RuleCondition when, RuleOutcome then) {
}
