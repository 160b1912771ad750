package io.tierline.events;

import java.time.Instant;

/**
 * A further message on an open contact (e.g. an email reply in the contact's thread), attached to it instead
 * of opening a new contact.
 */
public record ContactMessageAdded(
        String eventId,
        String contactId,
        Instant occurredAt,
        Channel channel,
        String message,
        String messageRef) implements ContactEvent {
}
