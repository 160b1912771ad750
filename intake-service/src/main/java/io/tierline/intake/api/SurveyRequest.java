package io.tierline.intake.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /contacts/{contactId}/survey}: CSAT 1..5 and an optional comment. */
public record SurveyRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {

    @Override
    public String toString() {
        return "SurveyRequest[score=" + score + "]";
    }
}
