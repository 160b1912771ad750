package io.tierline.platform.problem;

import java.util.List;

/** Thrown by resources and domain code to answer with a problem+json response. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient java.util.Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, java.util.Map.of());
    }

    public ProblemException(Problem problem, java.util.Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.headers = java.util.Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Violation(field, message))));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(404, "Not found", what + " '" + id + "' does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "Service unavailable", detail),
                java.util.Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
