package io.tierline.routing.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A queue's service level in requests and responses. */
public record SlaBody(
        @NotNull @Positive Integer answerWithinSeconds,
        @NotNull @DecimalMin("0") @DecimalMax("100") Double targetPercent) {
}
