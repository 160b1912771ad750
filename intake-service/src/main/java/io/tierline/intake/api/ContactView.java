package io.tierline.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.Map;

/** {@code GET /contacts/{contactId}}: what intake knows about a contact. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(
        String contactId,
        ContactStatus status,
        Channel channel,
        CustomerDto customer,
        String language,
        String subject,
        String message,
        String category,
        Priority priority,
        String repeatOf,
        String gatewayRef,
        Map<String, String> attributes,
        PhoneDto phone,
        EmailDto email,
        ChatDto chat,
        SmsDto sms,
        SocialDto social,
        Instant receivedAt,
        PublishState publishState) {

    @Override
    public String toString() {
        return "ContactView[contactId=" + contactId + ", status=" + status + "]";
    }
}
