package io.tierline.intake.api;

import jakarta.validation.constraints.Size;

/** Chat details: the session and the transcript so far. */
public record ChatDto(@Size(max = 200) String sessionId, @Size(max = 100000) String transcript) {

    @Override
    public String toString() {
        return "ChatDto[sessionId=" + sessionId + "]";
    }
}
