package io.tierline.intake.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Email details: sender, message id and the message it replies to. */
public record EmailDto(
        @Email @Size(max = 320) String from,
        @Size(max = 1000) String messageId,
        @Size(max = 1000) String inReplyTo) {

    @Override
    public String toString() {
        return "EmailDto[messageId=" + messageId + "]";
    }
}
