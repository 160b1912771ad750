package io.tierline.routing.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the assignments fan-out follows the topic (see {@link FanoutAssignment}). */
@Readiness
@ApplicationScoped
public class FanoutReadiness implements HealthCheck {

    private final FanoutAssignment assignment;

    public FanoutReadiness(@Identifier(FanoutAssignment.NAME) FanoutAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("assignments fan-out").status(assignment.assigned()).build();
    }
}
