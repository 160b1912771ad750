package io.tierline.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /contacts/{contactId}} (and the answer to deflect, abandon and survey): what intake knows about a
 * contact. {@code closedAt}/{@code articleId} once deflected or abandoned, {@code survey} once rated,
 * {@code messages} once replies attached to it, {@code queueAt} if it was held for self-service.
 */
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
        Instant queueAt,
        PublishState publishState,
        Instant closedAt,
        String articleId,
        SurveyView survey,
        List<MessageView> messages) {

    @Override
    public String toString() {
        return "ContactView[contactId=" + contactId + ", status=" + status + "]";
    }
}
