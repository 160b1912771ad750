package io.tierline.routing;

import io.tierline.events.HandlingOutcome;
import java.time.Instant;
import java.util.Map;

/**
 * How the agent's handling ended.
 *
 * @param code the resolution code (RESOLVED) or the escalation reason (ESCALATED)
 */
public record Outcome(HandlingOutcome kind, Instant endedAt, String code, String notes,
        Map<String, String> diagnostics) {

    public Outcome {
        diagnostics = diagnostics == null ? Map.of() : Map.copyOf(diagnostics);
    }
}
