package io.tierline.metrics.api;

import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code POST /evaluations}: every invalid field named at once. An evaluation needs an
 * {@code evaluationId} or an {@code Idempotency-Key} header so that a retry is recognised.
 */
final class EvaluationRequestValidator {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_ID = 200;
    static final int MAX_CRITERIA = 50;

    private EvaluationRequestValidator() {
    }

    /** @throws ProblemException 400 naming every invalid field */
    static void validate(String idempotencyKey, EvaluationRequest r) {
        List<Violation> violations = new ArrayList<>();
        if (r == null) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("body", "is required"))));
        }
        if (r.evaluationId() == null && blank(idempotencyKey)) {
            violations.add(new Violation("evaluationId", "is required without an " + IDEMPOTENCY_KEY + " header"));
        }
        optionalId(violations, "evaluationId", r.evaluationId());
        optionalId(violations, IDEMPOTENCY_KEY, idempotencyKey);
        requiredId(violations, "contactId", r.contactId());
        requiredId(violations, "agentId", r.agentId());
        requiredId(violations, "evaluator", r.evaluator());
        optionalId(violations, "queueId", r.queueId());
        if (r.tier() != null && (r.tier() < 1 || r.tier() > 3)) {
            violations.add(new Violation("tier", "must be 1, 2 or 3"));
        }
        if (r.score() == null) {
            violations.add(new Violation("score", "is required"));
        } else {
            score(violations, "score", r.score());
        }
        criteria(violations, r.criteria());
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    private static void criteria(List<Violation> violations, Map<String, Integer> criteria) {
        if (criteria == null) {
            return;
        }
        if (criteria.size() > MAX_CRITERIA) {
            violations.add(new Violation("criteria", "must have at most " + MAX_CRITERIA + " entries"));
        }
        criteria.forEach((name, value) -> {
            if (name.isBlank() || name.length() > MAX_ID) {
                violations.add(new Violation("criteria", "names must be 1.." + MAX_ID + " characters"));
            } else if (value == null) {
                violations.add(new Violation("criteria." + name, "is required"));
            } else {
                score(violations, "criteria." + name, value);
            }
        });
    }

    private static void score(List<Violation> violations, String field, int value) {
        if (value < 0 || value > 100) {
            violations.add(new Violation(field, "must be 0..100"));
        }
    }

    private static void requiredId(List<Violation> violations, String field, String value) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        } else {
            optionalId(violations, field, value);
        }
    }

    private static void optionalId(List<Violation> violations, String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_ID)) {
            violations.add(new Violation(field, "must be 1.." + MAX_ID + " non-blank characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
