package io.tierline.events;

import java.time.Instant;

/**
 * An agent resolved the contact. {@code escalations} and {@code transfers} count what happened before,
 * so first-contact resolution is {@code tier == 1 && escalations == 0 && transfers == 0}.
 */
public record ContactResolved(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        String customerId,
        String category,
        String caseId,
        String resolutionCode,
        String notes,
        int escalations,
        int transfers,
        String repeatOf,
        Instant queuedAt,
        Instant acceptedAt,
        long talkMillis,
        long holdMillis) implements TierlineEvent {

    @Override
    public String key() {
        return contactId;
    }

    public boolean firstContactResolution() {
        return tier == 1 && escalations == 0 && transfers == 0;
    }
}
