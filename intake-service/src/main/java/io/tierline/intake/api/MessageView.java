package io.tierline.intake.api;

import java.time.Instant;

/** A further message attached to a contact (an email reply in its thread). */
public record MessageView(String messageRef, String message, Instant addedAt) {

    @Override
    public String toString() {
        return "MessageView[messageRef=" + messageRef + "]";
    }
}
