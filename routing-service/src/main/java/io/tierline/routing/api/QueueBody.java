package io.tierline.routing.api;

import io.tierline.events.Channel;
import io.tierline.routing.Strategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code PUT /queues/{queueId}}. Element-level checks (languages, skills) are in {@link BodyChecks}. */
public record QueueBody(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(3) Integer tier,
        @NotEmpty Set<Channel> channels,
        List<String> languages,
        Map<String, Integer> skills,
        List<String> categories,
        @Valid SlaBody sla,
        @Positive Integer maxWaitSeconds,
        @Size(max = 100) String overflowQueueId,
        Strategy strategy,
        @Min(0) @Max(86400) Integer wrapUpSeconds) {
}
