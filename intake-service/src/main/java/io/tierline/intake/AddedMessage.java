package io.tierline.intake;

import java.time.Instant;

/**
 * A further message attached to an open contact (an email reply in the contact's thread).
 *
 * @param eventId        the id of its {@code ContactMessageAdded} event
 * @param idempotencyKey the gateway's key of the request that attached it
 * @param requestHash    the hash of that request
 * @param messageRef     the gateway's reference of the message (the email's {@code messageId}), or null
 * @param message        the text (personal data: never logged)
 */
public record AddedMessage(String eventId, String idempotencyKey, String requestHash, String messageRef,
        String message, Instant addedAt) {

    @Override
    public String toString() {
        return "AddedMessage[eventId=" + eventId + "]";
    }
}
