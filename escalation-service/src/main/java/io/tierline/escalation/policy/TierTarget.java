package io.tierline.escalation.policy;

import java.time.Duration;

/** Where escalations into a tier go, and how soon that tier should pick a contact up. */
public record TierTarget(int tier, String queueId, Duration pickupTarget) {
}
