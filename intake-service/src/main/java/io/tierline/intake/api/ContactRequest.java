package io.tierline.intake.api;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.intake.LanguageTag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /contacts}. Of {@code phone}, {@code email}, {@code chat}, {@code sms},
 * {@code social} only the one named after {@code channel} may be present (checked by
 * {@link ContactRequestValidator}).
 */
public record ContactRequest(
        @NotNull Channel channel,
        @NotNull @Valid CustomerDto customer,
        @Pattern(regexp = LanguageTag.PATTERN, message = "must be a BCP 47 language tag such as en, en-GB or pt-BR")
        String language,
        @Size(max = 500) String subject,
        @NotBlank @Size(max = 20000) String message,
        @Size(max = 100) String category,
        Priority priority,
        @Size(max = 200) String gatewayRef,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 2000) String> attributes,
        @Valid PhoneDto phone,
        @Valid EmailDto email,
        @Valid ChatDto chat,
        @Valid SmsDto sms,
        @Valid SocialDto social,
        @Valid SelfServiceDto selfService) {

    @Override
    public String toString() {
        return "ContactRequest[channel=" + channel + ", customer=" + customer + ", gatewayRef=" + gatewayRef + "]";
    }
}
