package io.tierline.events;

import java.time.Instant;
import java.util.Map;

/**
 * A contact its tier could not resolve, with everything the tier learned, for escalation to act on.
 *
 * @param caseId the open case if the contact was escalated before, else null
 */
public record ContactUnresolved(
        String eventId,
        String contactId,
        Instant occurredAt,
        UnresolvedReason reason,
        String agentId,
        String queueId,
        int tier,
        Channel channel,
        Customer customer,
        String language,
        String category,
        Priority priority,
        String subject,
        String notes,
        Map<String, String> diagnostics,
        int escalations,
        String caseId,
        String repeatOf,
        Instant acceptedAt,
        long talkMillis,
        long holdMillis) implements TierlineEvent {

    public ContactUnresolved {
        diagnostics = diagnostics == null ? Map.of() : Map.copyOf(diagnostics);
    }

    @Override
    public String key() {
        return contactId;
    }
}
