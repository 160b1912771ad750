package io.tierline.events;

import java.time.Instant;

/**
 * The agent transferred the contact from {@code queueId} to {@code toQueueId}; it is queued there next.
 * A transfer to another tier makes the resolution no longer first-contact.
 */
public record ContactTransferred(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        String toQueueId,
        int toTier,
        long talkMillis,
        long holdMillis) implements AssignmentEvent {
}
