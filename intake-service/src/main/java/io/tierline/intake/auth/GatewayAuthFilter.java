package io.tierline.intake.auth;

import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates the gateway on every {@link GatewayEndpoint} before its body is read: a missing or unknown
 * {@code X-Api-Key} is a 401 problem+json; a gateway over its rate limit a 429 with {@code Retry-After};
 * otherwise the gateway is kept in {@link CallingGateway}.
 */
public class GatewayAuthFilter {

    public static final String API_KEY = "X-Api-Key";
    private static final Logger LOG = Logger.getLogger(GatewayAuthFilter.class);

    private final GatewayKeys keys;
    private final CallingGateway calling;
    private final GatewayRateLimits limits;

    public GatewayAuthFilter(GatewayKeys keys, CallingGateway calling, GatewayRateLimits limits) {
        this.limits = limits;
        this.keys = keys;
        this.calling = calling;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        var method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(GatewayEndpoint.class)) {
            return Optional.empty();
        }
        String key = request.getHeaderString(API_KEY);
        Optional<Gateway> gateway = keys.authenticate(key);
        if (gateway.isEmpty()) {
            LOG.infof("refused %s %s: %s API key", request.getMethod(), request.getUriInfo().getPath(),
                    key == null || key.isEmpty() ? "no" : "unknown");
            return Optional.of(unauthorized(key == null || key.isEmpty() ? "is required" : "is not a known key"));
        }
        calling.set(gateway.get());
        return limits.admit(gateway.get()).map(wait -> {
            LOG.debugf("refused %s %s: gateway %s over its rate limit", request.getMethod(),
                    request.getUriInfo().getPath(), gateway.get().name());
            return tooManyRequests(wait);
        });
    }

    private static Response tooManyRequests(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = new Problem("https://tierline.io/problems/rate-limited", "Too many requests", 429,
                "This gateway's API key is over its rate limit; retry after " + seconds + " s", null,
                List.of(new Violation(API_KEY, "is over its rate limit")));
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }

    private static Response unauthorized(String message) {
        Problem problem = new Problem("https://tierline.io/problems/unauthenticated", "Unauthenticated", 401,
                "Gateway endpoints need the gateway's API key in the " + API_KEY + " header", null,
                List.of(new Violation(API_KEY, message)));
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + API_KEY + "\"")
                .build();
    }
}
