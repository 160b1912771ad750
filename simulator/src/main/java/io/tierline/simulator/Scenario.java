package io.tierline.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A simulation run: the world around Tierline for {@code duration}. Loaded from a small YAML file
 * ({@link ScenarioLoader}); the same {@code seed} gives the same arrivals.
 *
 * @param queues routing queue definitions, each the {@code PUT /queues/{id}} body plus its {@code id}
 */
public record Scenario(
        String name,
        String description,
        long seed,
        Duration duration,
        Arrivals arrivals,
        CustomerBehaviour customers,
        List<Map<String, Object>> queues,
        List<AgentGroup> agents) {

    public Scenario {
        require(name != null && !name.isBlank(), "name", "is required");
        require(duration != null && !duration.isNegative() && !duration.isZero(), "duration", "must be a positive ISO-8601 duration");
        require(arrivals != null, "arrivals", "is required");
        require(customers != null, "customers", "is required");
        queues = queues == null ? List.of() : List.copyOf(queues);
        for (int i = 0; i < queues.size(); i++) {
            Object id = queues.get(i).get("id");
            require(id instanceof String s && !s.isBlank(), "queues[" + i + "].id", "is required");
        }
        require(agents != null && !agents.isEmpty(), "agents", "must list at least one agent group");
        agents = List.copyOf(agents);
    }

    /** Number of agents over all groups. */
    public int agentCount() {
        return agents.stream().mapToInt(AgentGroup::count).sum();
    }

    static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + message);
        }
    }
}
