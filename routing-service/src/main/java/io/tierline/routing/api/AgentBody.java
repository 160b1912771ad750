package io.tierline.routing.api;

import io.tierline.events.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** {@code PUT /agents/{agentId}}; {@code team}, optional, names the team whose supervisors may act for the agent. Element-level checks (skills, languages, capacity) are in {@link BodyChecks}. */
public record AgentBody(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(3) Integer tier,
        Map<String, Integer> skills,
        List<String> languages,
        Map<Channel, Integer> capacity,
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String team) {
}
