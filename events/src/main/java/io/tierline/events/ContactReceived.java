package io.tierline.events;

import java.time.Instant;
import java.util.Map;

/**
 * A new contact accepted by intake. Exactly one object of {@code phone}, {@code email}, {@code chat},
 * {@code sms}, {@code social} is set: the one named after {@code channel}.
 *
 * @param repeatOf an earlier contact of the same customer and category within the repeat window, or null
 */
public record ContactReceived(
        String eventId,
        String contactId,
        Instant occurredAt,
        Channel channel,
        Customer customer,
        String language,
        String subject,
        String message,
        String category,
        Priority priority,
        String repeatOf,
        String gatewayRef,
        Map<String, String> attributes,
        PhoneDetails phone,
        EmailDetails email,
        ChatDetails chat,
        SmsDetails sms,
        SocialDetails social) implements ContactEvent {

    public ContactReceived {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
