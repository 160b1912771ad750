package io.tierline.routing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /agents/{agentId}/contacts/{contactId}/transfer}. */
public record TransferBody(@NotBlank @Size(max = 100) String queueId) {
}
