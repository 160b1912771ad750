package io.tierline.intake.api;

import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Validates the small command bodies (deflect, survey): every violation at once, named by its JSON path. */
@ApplicationScoped
public class BodyValidator {

    private final Validator validator;

    public BodyValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param required whether a missing body is itself invalid
     * @throws ProblemException a 400 listing every violation
     */
    public <T> void validate(T body, boolean required) {
        List<Violation> violations = new ArrayList<>();
        if (body == null) {
            if (required) {
                violations.add(new Violation("body", "is required"));
            }
        } else {
            for (ConstraintViolation<T> v : validator.validate(body)) {
                violations.add(new Violation(ContactRequestValidator.fieldOf(v.getPropertyPath()), v.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
            throw new ProblemException(Problem.invalid(violations));
        }
    }
}
