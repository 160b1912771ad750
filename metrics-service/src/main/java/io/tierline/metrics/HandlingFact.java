package io.tierline.metrics;

import io.tierline.events.Channel;
import java.time.Instant;

/**
 * One completed handling (accept to end of after-contact work), as counted by AHT. {@code eventId} (of the
 * WrapUpEnded event) is its identity. {@code occurredAt} is when the after-contact work ended.
 */
public record HandlingFact(
        String eventId,
        String contactId,
        Instant occurredAt,
        String agentId,
        String queueId,
        Channel channel,
        int tier,
        Instant acceptedAt,
        long talkMillis,
        long holdMillis,
        long wrapUpMillis) {

    /** Handle time: talk + hold + after-contact work. */
    public long handleMillis() {
        return talkMillis + holdMillis + wrapUpMillis;
    }
}
