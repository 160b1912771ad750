package io.tierline.intake.overload;

import io.smallrye.mutiny.Uni;
import io.tierline.intake.auth.GatewayEndpoint;
import io.tierline.intake.config.IntakeConfig;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admission control at the edge: a write (any method but GET) to a {@link GatewayEndpoint} takes a slot of
 * {@link AdmissionControl}
 * on the event loop, before its body is read and before it gets a worker thread (so waiting requests hold no
 * thread), and frees it when its answer is sent or its connection closes. A request shed is answered at once
 * with 503 problem+json and {@code Retry-After}: nothing of it was read or stored, so a retry with the same
 * {@code Idempotency-Key} is as safe as the first attempt. A gateway's read of a contact, every other endpoint,
 * and {@code /q/*} (health, metrics: not served by REST resources), are never shed.
 */
public class AdmissionFilter {

    private final AdmissionControl admission;
    private final String retryAfterSeconds;

    public AdmissionFilter(AdmissionControl admission, IntakeConfig config) {
        this.admission = admission;
        this.retryAfterSeconds = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
    }

    /** Runs before the gateway's authentication: a shed request costs no key check either. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Void> admit(ResourceInfo resource, RoutingContext routing) {
        var method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(GatewayEndpoint.class)
                || routing.request().method() == HttpMethod.GET) {
            return Uni.createFrom().voidItem();
        }
        AdmissionControl.Arrival arrival = admission.arrive();
        routing.addEndHandler(ended -> arrival.leave());
        return Uni.createFrom().completionStage(arrival.admitted()).onItem().transformToUni(admitted -> admitted
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(overloaded()));
    }

    private ProblemException overloaded() {
        return new ProblemException(new Problem("https://tierline.io/problems/overloaded", "Service unavailable", 503,
                "Intake is at capacity; nothing of this request was read or stored. Retry after " + retryAfterSeconds
                        + " s (with the same Idempotency-Key).", null, null),
                Map.of(HttpHeaders.RETRY_AFTER, retryAfterSeconds));
    }
}
