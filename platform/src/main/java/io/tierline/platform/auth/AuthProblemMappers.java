package io.tierline.platform.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tierline.platform.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Authentication and authorization failures as problem+json: 401 with a Bearer challenge when the request
 * has no valid token, 403 when the token's roles or identity do not allow the call. The services run with
 * {@code quarkus.http.auth.proactive=false}, so these are decided inside the REST layer and reach here.
 */
public class AuthProblemMappers {

    private static final String CHALLENGE = "Bearer";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank()
                ? e.getMessage()
                : "The token's roles do not allow this call";
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(403, "Forbidden", detail)).build();
    }

    private static Response unauthenticated() {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .entity(Problem.of(401, "Unauthorized",
                        "A valid bearer token is required (Authorization: Bearer <JWT>)"))
                .build();
    }
}
