package io.tierline.metrics;

import io.tierline.events.Channel;
import java.time.Instant;

/**
 * One contact an agent resolved, as counted by FCR. {@code eventId} (of the ContactResolved event) is its
 * identity: the same event delivered twice is one fact.
 *
 * @param firstContactResolution resolved at tier 1 with no escalation and no transfer
 */
public record ResolutionFact(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        Channel channel,
        int tier,
        int escalations,
        int transfers,
        boolean firstContactResolution) {
}
