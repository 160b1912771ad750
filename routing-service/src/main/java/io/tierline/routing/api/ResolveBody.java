package io.tierline.routing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /agents/{agentId}/contacts/{contactId}/resolve}. */
public record ResolveBody(@NotBlank @Size(max = 100) String resolutionCode, @Size(max = 4000) String notes) {
}
