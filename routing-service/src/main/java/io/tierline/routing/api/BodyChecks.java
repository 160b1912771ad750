package io.tierline.routing.api;

import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of collection elements that Bean Validation would report under awkward paths; these name the
 * field as the JSON has it ({@code skills.billing}, {@code languages[1]}). All violations, then one 400.
 */
final class BodyChecks {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final int MAX_ITEMS = 100;

    private final List<Violation> violations = new ArrayList<>();

    static BodyChecks start() {
        return new BodyChecks();
    }

    BodyChecks languages(String field, List<String> languages) {
        if (languages == null) {
            return this;
        }
        size(field, languages);
        for (int i = 0; i < languages.size(); i++) {
            String tag = languages.get(i);
            if (tag == null || !LANGUAGE.matcher(tag).matches()) {
                violations.add(new Violation(field + "[" + i + "]", "must be a BCP 47 language tag"));
            }
        }
        return this;
    }

    BodyChecks texts(String field, List<String> texts) {
        if (texts == null) {
            return this;
        }
        size(field, texts);
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null || texts.get(i).isBlank()) {
                violations.add(new Violation(field + "[" + i + "]", "must not be blank"));
            }
        }
        return this;
    }

    BodyChecks levels(String field, Map<?, Integer> levels, int min, int max) {
        if (levels == null) {
            return this;
        }
        size(field, levels.keySet());
        levels.forEach((key, level) -> {
            if (key == null || key.toString().isBlank()) {
                violations.add(new Violation(field, "must not have a blank name"));
            } else if (level == null || level < min || level > max) {
                violations.add(new Violation(field + "." + key, "must be between " + min + " and " + max));
            }
        });
        return this;
    }

    BodyChecks notNullItems(String field, Collection<?> items) {
        if (items != null && items.stream().anyMatch(java.util.Objects::isNull)) {
            violations.add(new Violation(field, "must not contain null"));
        }
        return this;
    }

    BodyChecks textMap(String field, Map<String, String> map, int maxLength) {
        if (map == null) {
            return this;
        }
        map.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                violations.add(new Violation(field, "must not have a blank key"));
            } else if (value != null && value.length() > maxLength) {
                violations.add(new Violation(field + "." + key, "must be at most " + maxLength + " characters"));
            }
        });
        return this;
    }

    BodyChecks check(boolean ok, String field, String message) {
        if (!ok) {
            violations.add(new Violation(field, message));
        }
        return this;
    }

    private void size(String field, Collection<?> items) {
        if (items.size() > MAX_ITEMS) {
            violations.add(new Violation(field, "must have at most " + MAX_ITEMS + " entries"));
        }
    }

    void orFail() {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }
}
