package io.tierline.intake.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What the gateway asks of self-service for this contact: {@code holdSeconds}, how long to hold it before it is
 * queued for routing (0: not at all; capped at {@code tierline.intake.self-service.max-hold}; absent: the
 * configured default).
 */
public record SelfServiceDto(@PositiveOrZero @Max(86400) Integer holdSeconds) {
}
