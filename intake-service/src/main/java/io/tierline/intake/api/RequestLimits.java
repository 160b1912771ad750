package io.tierline.intake.api;

import io.tierline.intake.config.IntakeConfig;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.Violation;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The edge's limits, answered as problem+json before any body is parsed: a body larger than
 * {@code tierline.intake.max-body-size} is a 413, a body that is not JSON a 415.
 */
public class RequestLimits {

    private final long maxBodyBytes;

    public RequestLimits(IntakeConfig config) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    /** On the event loop, as every pre-matching filter; said so, as non-blocking filters must come first. */
    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Optional<Response> bodySize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(respond(new Problem("https://tierline.io/problems/invalid-input", "Invalid input", 400,
                    "The Content-Length header is not a number", null,
                    List.of(new Violation("Content-Length", "must be a number of bytes")))));
        }
        if (bytes > maxBodyBytes) {
            return Optional.of(respond(new Problem("https://tierline.io/problems/body-too-large",
                    "Request body too large", 413, "The body has " + bytes + " bytes; at most " + maxBodyBytes
                            + " are accepted", null, List.of(new Violation("body", "must be at most " + maxBodyBytes
                                    + " bytes")))));
        }
        return Optional.empty();
    }

    /** A body of a media type the endpoint does not read (anything but JSON). */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(new Problem("https://tierline.io/problems/unsupported-media-type", "Unsupported media type",
                415, "The body must be application/json", null,
                List.of(new Violation("Content-Type", "must be application/json"))));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
