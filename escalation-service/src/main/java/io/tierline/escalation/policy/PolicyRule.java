package io.tierline.escalation.policy;

/** A rule of the policy, by id, with what it does. */
public record PolicyRule(String id, String description) {
}
