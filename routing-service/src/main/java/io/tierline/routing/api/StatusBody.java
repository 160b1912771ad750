package io.tierline.routing.api;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /agents/{agentId}/status}. */
public record StatusBody(@NotNull PresenceStatus status) {
}
