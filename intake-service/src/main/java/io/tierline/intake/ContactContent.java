package io.tierline.intake;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import java.util.Map;

/**
 * What the customer sent, as the gateway described it. Customer name, email, phone and {@code message}
 * are personal data: never log them ({@link #toString()} leaves them out).
 *
 * @param language a normalised BCP 47 tag, or null when the gateway sent none
 */
public record ContactContent(Channel channel, Customer customer, String language, String subject,
        String message, String gatewayRef, Map<String, String> attributes, ChannelDetails details) {

    public ContactContent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        details = details == null ? ChannelDetails.NONE : details;
    }

    /** The same content with another language tag. */
    public ContactContent withLanguage(String tag) {
        return new ContactContent(channel, customer, tag, subject, message, gatewayRef, attributes, details);
    }

    @Override
    public String toString() {
        return "ContactContent[channel=" + channel + ", customer=" + customer + ", language=" + language
                + ", gatewayRef=" + gatewayRef + "]";
    }
}
