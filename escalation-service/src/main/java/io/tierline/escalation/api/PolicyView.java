package io.tierline.escalation.api;

import java.util.List;

/** The tier policy in effect. */
public record PolicyView(String version, int firstTier, int topTier, List<Tier> tiers, List<Rule> rules) {

    /** An escalation target tier: its queue and pick-up target (ISO-8601 duration). */
    public record Tier(int tier, String queueId, String pickupTarget) {
    }

    public record Rule(String id, String description) {
    }
}
