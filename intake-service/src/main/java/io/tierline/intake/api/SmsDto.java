package io.tierline.intake.api;

import jakarta.validation.constraints.Size;

/** SMS details: the sender's number. */
public record SmsDto(@Size(max = 50) String from) {

    @Override
    public String toString() {
        return "SmsDto[]";
    }
}
