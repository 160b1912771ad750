package io.tierline.escalation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /cases/{caseId}/notes}: who writes and what. */
public record NoteRequest(
        @NotBlank @Size(max = 200) String author,
        @NotBlank @Size(max = 10_000) String text) {
}
