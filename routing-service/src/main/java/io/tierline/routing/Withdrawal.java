package io.tierline.routing;

import java.time.Instant;

/**
 * The contact left its queue without an agent handling it.
 *
 * @param reason  ABANDONED, DEFLECTED or SLA_BREACH
 * @param agentId the agent whose offer was withdrawn, or null
 * @param eventId the incoming event that caused it (ContactWithdrawn derives its id from it)
 */
public record Withdrawal(String reason, Instant at, String agentId, String queueId, int tier, Instant queuedAt,
        String eventId) {

    public static final String ABANDONED = "ABANDONED";
    public static final String DEFLECTED = "DEFLECTED";
    public static final String SLA_BREACH = "SLA_BREACH";
}
