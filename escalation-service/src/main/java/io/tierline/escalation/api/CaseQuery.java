package io.tierline.escalation.api;

import io.tierline.escalation.CaseFilter;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.policy.TierPolicy;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Validates the query parameters of {@code GET /cases}; every invalid one is named in the 400. */
final class CaseQuery {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private CaseQuery() {
    }

    static CaseFilter parse(String status, String tier, String customerId, String limit) {
        List<Violation> violations = new ArrayList<>();
        CaseStatus parsedStatus = null;
        if (present(status)) {
            try {
                parsedStatus = CaseStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", "must be one of " + Arrays.toString(CaseStatus.values())));
            }
        }
        Integer parsedTier = present(tier)
                ? number(tier, "tier", TierPolicy.FIRST_TIER, TierPolicy.TOP_TIER, violations) : null;
        Integer parsedLimit = present(limit) ? number(limit, "limit", 1, MAX_LIMIT, violations) : null;
        if (present(customerId) && customerId.length() > 200) {
            violations.add(new Violation("customerId", "must be at most 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new CaseFilter(parsedStatus, parsedTier, present(customerId) ? customerId : null,
                parsedLimit == null ? DEFAULT_LIMIT : parsedLimit);
    }

    /** A {@code limit} parameter alone (also of {@code GET /policies/versions}): absent is the default. */
    static int limit(String limit) {
        List<Violation> violations = new ArrayList<>();
        Integer parsed = present(limit) ? number(limit, "limit", 1, MAX_LIMIT, violations) : null;
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return parsed == null ? DEFAULT_LIMIT : parsed;
    }

    private static Integer number(String value, String field, int min, int max, List<Violation> violations) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, "must be a whole number from " + min + " to " + max));
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
