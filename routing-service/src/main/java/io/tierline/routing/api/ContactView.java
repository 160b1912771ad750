package io.tierline.routing.api;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.routing.ContactState;
import java.time.Instant;

/** Routing's view of a contact, without personal data. */
public record ContactView(String contactId, ContactState state, Channel channel, String language,
        Priority priority, String category, String queueId, int tier, String reason, String caseId,
        int escalations, String agentId, Instant queuedAt, Instant offeredAt, Instant acceptedAt,
        Instant expiresAt, Instant heldAt, long holdMillis, int transfers, String withdrawnReason) {
}
