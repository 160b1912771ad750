package io.tierline.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to RFC 9457 problem+json. Invalid input is a 400 naming each field by its JSON path;
 * a broker that does not acknowledge is a 503 with Retry-After; anything unexpected is a 500 that says
 * nothing about internals (and is logged).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = Response.status(e.problem().status())
                .type(Problem.MEDIA_TYPE).entity(e.problem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return respond(Problem.invalid(violations));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(Problem.invalid(List.of(new Violation(pathOf(mapping), messageOf(mapping)))));
        }
        return respond(Problem.invalid(List.of(new Violation("body", "is not well-formed JSON"))));
    }

    /**
     * Wrong-shaped JSON (an unknown enum value, a string where an object belongs). Declared for the exact
     * type because Quarkus REST ships its own, more specific mapper for it that answers without a problem.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return problem(ProblemException.unavailable(
                "The event broker did not acknowledge in time; retry with the same Idempotency-Key", 2));
    }

    /**
     * The store cannot be reached or dropped the connection mid-request: a 503 the caller may retry (an
     * idempotent request, or one with its Idempotency-Key), not a 500.
     */
    @ServerExceptionMapper
    public Response storeUnreachable(MongoSocketException e) {
        return storeUnavailable(e);
    }

    @ServerExceptionMapper
    public Response storeTimedOut(MongoTimeoutException e) {
        return storeUnavailable(e);
    }

    private Response storeUnavailable(RuntimeException e) {
        LOG.warnf("answering 503: the store is unavailable (%s)", e.getMessage());
        return problem(ProblemException.unavailable("The store is unavailable; retry (with the same Idempotency-Key)", 2));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(Problem.of(status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal error", "The request failed unexpectedly; it was logged"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code create.request.customer.id} -> {@code customer.id}: drops the method and parameter nodes. */
    static String fieldOf(Path path) {
        var sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(node.getName());
            if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            } else if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
        }
        if (sb.length() == 0) {
            return parameter != null ? parameter : "body";
        }
        return sb.toString();
    }

    static String pathOf(JsonMappingException e) {
        var sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    static String messageOf(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object of the documented shape";
    }
}
