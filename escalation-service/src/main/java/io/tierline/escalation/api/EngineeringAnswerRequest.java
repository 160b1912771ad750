package io.tierline.escalation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /cases/{caseId}/engineering-answer}: engineering's answer and who gives it. */
public record EngineeringAnswerRequest(
        @NotBlank @Size(max = 10_000) String text,
        @NotBlank @Size(max = 200) String author) {
}
