package io.tierline.events;

import java.time.Instant;

/**
 * Routing reserved capacity on an agent and offered the contact. What the desktop needs to show the offer,
 * without personal data: the customer's id and segment, the subject, the case if there is one.
 *
 * @param expiresAt when the offer times out, or null if it does not
 */
public record ContactOffered(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        Priority priority,
        String category,
        String language,
        String customerId,
        Segment segment,
        String subject,
        String caseId,
        Instant expiresAt) implements AssignmentEvent {
}
