package io.tierline.intake.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates a rules document. Every rule is checked before anything takes effect; the first problem
 * found is reported with the rule's name (or position) so that an operator can fix it.
 */
public final class ClassificationRulesParser {

    static final int MAX_CATEGORY_LENGTH = 100;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ClassificationRulesParser() {
    }

    /** @throws InvalidRulesException naming the rule and the problem */
    public static ClassificationRules parse(String json) {
        ClassificationRules rules;
        try {
            rules = JSON.readValue(json, ClassificationRules.class);
        } catch (JsonProcessingException e) {
            String at = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " at " + path(m) : "";
            throw new InvalidRulesException("not a valid rules document" + at + ": " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (rules == null) {
            throw new InvalidRulesException("not a rules document: empty");
        }
        validate(rules);
        return rules;
    }

    static void validate(ClassificationRules rules) {
        if (rules.version() == null || rules.version().isBlank()) {
            throw new InvalidRulesException("'version' is required");
        }
        Set<String> names = new HashSet<>();
        List<CategoryRule> categories = rules.categories();
        for (int i = 0; i < categories.size(); i++) {
            CategoryRule rule = categories.get(i);
            String id = ruleId("categories", i, rule == null ? null : rule.name());
            if (rule == null) {
                throw new InvalidRulesException(id + ": is empty");
            }
            checkName(id, rule.name(), names);
            if (rule.category() == null || rule.category().isBlank()) {
                throw new InvalidRulesException(id + ": 'category' is required");
            }
            if (rule.category().length() > MAX_CATEGORY_LENGTH) {
                throw new InvalidRulesException(id + ": 'category' must be at most " + MAX_CATEGORY_LENGTH
                        + " characters");
            }
            List<String> conditions = new ArrayList<>();
            if (rule.ivrPathPrefix() != null) {
                conditions.add("ivrPathPrefix");
                if (rule.ivrPathPrefix().isBlank()) {
                    throw new InvalidRulesException(id + ": 'ivrPathPrefix' must not be blank");
                }
            }
            if (rule.keywords() != null) {
                conditions.add("keywords");
                checkWords(id, "keywords", rule.keywords(), true);
            }
            if (rule.hints() != null) {
                conditions.add("hints");
                checkWords(id, "hints", rule.hints(), false);
            }
            if (conditions.size() != 1) {
                throw new InvalidRulesException(id + ": needs exactly one of 'ivrPathPrefix', 'keywords', 'hints'"
                        + (conditions.isEmpty() ? "" : " (has " + conditions + ")"));
            }
        }
        List<PriorityRule> priorities = rules.priorities();
        for (int i = 0; i < priorities.size(); i++) {
            PriorityRule rule = priorities.get(i);
            String id = ruleId("priorities", i, rule == null ? null : rule.name());
            if (rule == null) {
                throw new InvalidRulesException(id + ": is empty");
            }
            checkName(id, rule.name(), names);
            if (rule.priority() == null) {
                throw new InvalidRulesException(id + ": 'priority' is required (LOW, NORMAL, HIGH, URGENT)");
            }
            if (rule.segment() == null && rule.channel() == null && rule.category() == null) {
                throw new InvalidRulesException(id + ": needs at least one of 'segment', 'channel', 'category'");
            }
            if (rule.category() != null && rule.category().isBlank()) {
                throw new InvalidRulesException(id + ": 'category' must not be blank");
            }
        }
    }

    private static void checkName(String id, String name, Set<String> names) {
        if (name == null || name.isBlank()) {
            throw new InvalidRulesException(id + ": 'name' is required");
        }
        if (!names.add(name)) {
            throw new InvalidRulesException(id + ": the name is used by another rule");
        }
    }

    private static void checkWords(String id, String field, List<String> words, boolean needsWord) {
        if (words.isEmpty()) {
            throw new InvalidRulesException(id + ": '" + field + "' must not be empty");
        }
        for (String word : words) {
            if (word == null || word.isBlank()) {
                throw new InvalidRulesException(id + ": '" + field + "' must not hold a blank entry");
            }
            if (needsWord && Words.of(word).isEmpty()) {
                throw new InvalidRulesException(id + ": keyword '" + word + "' has no letters or digits");
            }
        }
    }

    private static String ruleId(String list, int index, String name) {
        return name == null || name.isBlank() ? "rule " + list + "[" + index + "]"
                : "rule '" + name + "' (" + list + "[" + index + "])";
    }

    /** {@code priorities[2].segment}: where in the document the value is wrong, so the rule is named. */
    private static String path(JsonMappingException e) {
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
        return sb.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
