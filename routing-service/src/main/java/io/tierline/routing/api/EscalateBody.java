package io.tierline.routing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code POST /agents/{agentId}/contacts/{contactId}/escalate}. */
public record EscalateBody(
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 4000) String notes,
        @Size(max = 50) Map<String, String> diagnostics) {
}
