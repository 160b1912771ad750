package io.tierline.escalation.policy;

import io.tierline.platform.problem.Violation;
import java.util.List;

/** A policy document that cannot take effect, with every problem named by its JSON path. */
public class InvalidPolicyException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidPolicyException(List<Violation> violations) {
        super("invalid policy: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
