package io.tierline.escalation.policy;

import io.tierline.events.Priority;
import io.tierline.events.Segment;

/**
 * What the policy decides on: the tier and queue the contact left unresolved, its priority (null is
 * NORMAL) and the customer's segment (null is STANDARD).
 */
public record EscalationRequest(int tier, String queueId, Priority priority, Segment segment) {
}
