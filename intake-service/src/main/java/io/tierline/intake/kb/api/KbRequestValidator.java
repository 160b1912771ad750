package io.tierline.intake.kb.api;

import io.tierline.events.Channel;
import io.tierline.intake.kb.KbSearchQuery;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the knowledge base's requests completely before anything is written or searched: every violation
 * at once, named by its JSON path ({@code tags[2]}) or parameter name ({@code limit}).
 */
@ApplicationScoped
public class KbRequestValidator {

    static final int MAX_ID = 100;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final int MAX_QUERY = 500;
    static final int MAX_CATEGORY = 100;
    static final int DEFAULT_SEARCH_LIMIT = 10;
    static final int MAX_SEARCH_LIMIT = 50;
    static final int DEFAULT_LIST_LIMIT = 100;
    static final int MAX_LIST_LIMIT = 500;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /** Validated parameters of {@code GET /kb/articles}. */
    record ListQuery(String language, String category, int limit) {
    }

    private final Validator validator;

    public KbRequestValidator(Validator validator) {
        this.validator = validator;
    }

    void article(String id, KbArticleRequest request) {
        List<Violation> violations = new ArrayList<>();
        checkId(id, violations);
        if (request == null) {
            violations.add(new Violation("body", "is required"));
        } else {
            for (ConstraintViolation<KbArticleRequest> v : validator.validate(request)) {
                violations.add(new Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
            }
            if (request.language() != null) {
                checkLanguage("language", request.language(), violations);
            }
        }
        throwIfAny(violations);
    }

    void id(String id) {
        List<Violation> violations = new ArrayList<>();
        checkId(id, violations);
        throwIfAny(violations);
    }

    KbSearchQuery search(String q, String language, String category, String channel, String limit) {
        List<Violation> violations = new ArrayList<>();
        if (q == null || q.isBlank()) {
            violations.add(new Violation("q", "is required"));
        } else if (q.length() > MAX_QUERY) {
            violations.add(new Violation("q", "must be at most " + MAX_QUERY + " characters"));
        }
        checkFilters(language, category, violations);
        Channel ch = channel(channel, violations);
        int max = limit(limit, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, violations);
        throwIfAny(violations);
        return new KbSearchQuery(q, KbViewMapper.normalise(language), KbViewMapper.normalise(category), ch, max);
    }

    ListQuery list(String language, String category, String limit) {
        List<Violation> violations = new ArrayList<>();
        checkFilters(language, category, violations);
        int max = limit(limit, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, violations);
        throwIfAny(violations);
        return new ListQuery(KbViewMapper.normalise(language), KbViewMapper.normalise(category), max);
    }

    private static void checkId(String id, List<Violation> violations) {
        if (id == null || id.length() > MAX_ID || !ID.matcher(id).matches()) {
            violations.add(new Violation("id", "must be 1.." + MAX_ID
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    private static void checkFilters(String language, String category, List<Violation> violations) {
        if (language != null) {
            checkLanguage("language", language, violations);
        }
        if (category != null && (category.isBlank() || category.length() > MAX_CATEGORY)) {
            violations.add(new Violation("category", "must be 1.." + MAX_CATEGORY + " characters"));
        }
    }

    private static void checkLanguage(String field, String language, List<Violation> violations) {
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (code.length() != 2 || !ISO_639_1.contains(code)) {
            violations.add(new Violation(field, "must be an ISO 639-1 language code such as en or de"));
        }
    }

    private static Channel channel(String channel, List<Violation> violations) {
        if (channel == null) {
            return null;
        }
        try {
            return Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("channel", "must be one of " + Arrays.toString(Channel.values())));
            return null;
        }
    }

    private static int limit(String limit, int defaultLimit, int max, List<Violation> violations) {
        if (limit == null) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation("limit", "must be a whole number from 1 to " + max));
        return defaultLimit;
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    /** {@code tags[2]}: property names joined by dots, list indexes in brackets. */
    static String fieldOf(Path path) {
        var sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            sb.append(sb.length() > 0 ? "." : "").append(node.getName());
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
