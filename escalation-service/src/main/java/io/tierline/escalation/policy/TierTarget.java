package io.tierline.escalation.policy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A tier of the policy's queue catalogue: its default queue (where escalations into the tier go unless a rule
 * names another), every queue declared for the tier ({@code queueId} included), and how soon the tier should
 * pick up a contact escalated into it.
 */
public record TierTarget(int tier, String queueId, Duration pickupTarget, Set<String> queues) {

    public TierTarget {
        var all = new LinkedHashSet<String>();
        if (queueId != null) {
            all.add(queueId);
        }
        if (queues != null) {
            all.addAll(queues);
        }
        queues = java.util.Collections.unmodifiableSet(all);
    }

    public TierTarget(int tier, String queueId, Duration pickupTarget) {
        this(tier, queueId, pickupTarget, Set.of());
    }
}
