package io.tierline.escalation.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.platform.problem.Violation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The policy as a JSON document: reads and fully validates one (every problem named by its JSON path, e.g.
 * {@code rules[2].target.tier}), and writes a policy back in the same shape. Plain Java over Jackson's tree.
 *
 * <pre>
 * { "description": "...", "vipPriorityFloor": "HIGH", "specialistCategories": ["fraud"], "handleTimeThreshold": "PT20M",
 *   "tiers": [ {"tier": 2, "queueId": "l2-general", "queues": ["l2-billing"], "pickupTarget": "PT30M"}, ... ],
 *   "rules": [ {"id": "...", "description": "...",
 *               "when": {"reasons": [...], "tiers": [1], "channels": [...], "categories": [...], "priorities": [...],
 *                        "escalations": {"min": 0, "max": 1}},
 *               "target": {"tier": 2 | "next" | "same", "queueId": "..."},
 *               "priority": {"set": "HIGH" | "raise": 1, "atLeast": "HIGH"},
 *               "deEscalate": false}, ... ] }
 * </pre>
 */
public final class PolicyDocument {

    private static final Set<String> ROOT_FIELDS = Set.of("description", "vipPriorityFloor", "specialistCategories",
            "handleTimeThreshold", "tiers", "rules");
    /** What {@code GET /policies} adds; ignored on input so that a served policy can be sent back. */
    private static final Set<String> SERVED_FIELDS = Set.of("version", "firstTier", "topTier", "activatedAt", "author",
            "changeReason");
    private static final Set<String> TIER_FIELDS = Set.of("tier", "queueId", "queues", "pickupTarget");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "when", "target", "priority",
            "deEscalate");
    private static final Set<String> WHEN_FIELDS = Set.of("reasons", "tiers", "channels", "categories", "priorities",
            "escalations");
    private static final Set<String> TARGET_FIELDS = Set.of("tier", "queueId");
    private static final Set<String> PRIORITY_FIELDS = Set.of("set", "raise", "atLeast");
    private static final Set<String> RANGE_FIELDS = Set.of("min", "max");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_RULES = 200;

    private final List<Violation> violations = new ArrayList<>();
    /** Whether the queue catalogue was read without problems (else checks against it would only echo them). */
    private boolean catalogueValid;
    /** Whether handleTimeThreshold was absent (not merely invalid). */
    private boolean handleTimeAbsent;

    private PolicyDocument() {
    }

    /**
     * @throws InvalidPolicyException naming every problem; nothing of a rejected document takes effect
     */
    public static TierPolicy read(JsonNode document, String version) {
        return new PolicyDocument().parse(document, version);
    }

    /** The policy as a document (without its version), in the shape {@link #read} takes. */
    public static ObjectNode write(TierPolicy policy, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        if (policy.description() != null) {
            root.put("description", policy.description());
        }
        if (policy.vipPriorityFloor() != null) {
            root.put("vipPriorityFloor", policy.vipPriorityFloor().name());
        }
        if (!policy.specialistCategories().isEmpty()) {
            ArrayNode cats = root.putArray("specialistCategories");
            new TreeSet<>(policy.specialistCategories()).forEach(cats::add);
        }
        if (policy.handleTimeThreshold() != null) {
            root.put("handleTimeThreshold", policy.handleTimeThreshold().toString());
        }
        ArrayNode tiers = root.putArray("tiers");
        for (TierTarget t : policy.targets()) {
            ObjectNode tier = tiers.addObject().put("tier", t.tier()).put("queueId", t.queueId());
            ArrayNode queues = tier.putArray("queues");
            t.queues().forEach(queues::add);
            tier.put("pickupTarget", t.pickupTarget().toString());
        }
        ArrayNode rules = root.putArray("rules");
        for (PolicyRule r : policy.rules()) {
            ObjectNode rule = rules.addObject().put("id", r.id());
            if (r.description() != null) {
                rule.put("description", r.description());
            }
            writeWhen(rule.putObject("when"), r.when());
            RuleOutcome then = r.then();
            ObjectNode target = rule.putObject("target");
            switch (then.target()) {
                case NEXT -> target.put("tier", "next");
                case SAME -> target.put("tier", "same");
                case ENGINEERING -> target.put("tier", "engineering");
                case TIER -> {
                    target.put("tier", then.tier());
                    if (then.queueId() != null) {
                        target.put("queueId", then.queueId());
                    }
                }
            }
            if (then.setPriority() != null || then.raise() != 0 || then.atLeast() != null) {
                ObjectNode priority = rule.putObject("priority");
                if (then.setPriority() != null) {
                    priority.put("set", then.setPriority().name());
                }
                if (then.raise() != 0) {
                    priority.put("raise", then.raise());
                }
                if (then.atLeast() != null) {
                    priority.put("atLeast", then.atLeast().name());
                }
            }
            rule.put("deEscalate", then.deEscalate());
        }
        return root;
    }

    private static void writeWhen(ObjectNode when, RuleCondition c) {
        if (c.reasons() != null) {
            ArrayNode a = when.putArray("reasons");
            EnumSet.copyOf(c.reasons().isEmpty() ? EnumSet.noneOf(Reason.class) : c.reasons())
                    .forEach(r -> a.add(r.name()));
        }
        if (c.tiers() != null) {
            ArrayNode a = when.putArray("tiers");
            new TreeSet<>(c.tiers()).forEach(a::add);
        }
        if (c.channels() != null) {
            ArrayNode a = when.putArray("channels");
            new TreeSet<>(c.channels()).forEach(ch -> a.add(ch.name()));
        }
        if (c.categories() != null) {
            ArrayNode a = when.putArray("categories");
            new TreeSet<>(c.categories()).forEach(a::add);
        }
        if (c.priorities() != null) {
            ArrayNode a = when.putArray("priorities");
            new TreeSet<>(c.priorities()).forEach(p -> a.add(p.name()));
        }
        if (c.minEscalations() != null || c.maxEscalations() != null) {
            ObjectNode range = when.putObject("escalations");
            if (c.minEscalations() != null) {
                range.put("min", c.minEscalations());
            }
            if (c.maxEscalations() != null) {
                range.put("max", c.maxEscalations());
            }
        }
    }

    private TierPolicy parse(JsonNode root, String version) {
        if (root == null || !root.isObject()) {
            throw new InvalidPolicyException(List.of(new Violation("body", "must be a policy document (a JSON object)")));
        }
        unknownFields(root, "", ROOT_FIELDS, SERVED_FIELDS);
        String description = text(root, "description", "description", false);
        Priority vipFloor = enumValue(root.get("vipPriorityFloor"), "vipPriorityFloor", Priority.class);
        Set<String> specialist = strings(root.get("specialistCategories"), "specialistCategories");
        handleTimeAbsent = root.get("handleTimeThreshold") == null || root.get("handleTimeThreshold").isNull();
        Duration handleTime = duration(root.get("handleTimeThreshold"), "handleTimeThreshold", false);

        int beforeTiers = violations.size();
        Map<Integer, TierTarget> catalogue = tiers(root.get("tiers"));
        catalogueValid = violations.size() == beforeTiers;
        List<PolicyRule> rules = rules(root.get("rules"), catalogue, specialist, handleTime);
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations);
        }
        return new TierPolicy(version, description, List.copyOf(catalogue.values()), rules, vipFloor,
                specialist == null ? Set.of() : specialist, handleTime);
    }

    private Map<Integer, TierTarget> tiers(JsonNode node) {
        var catalogue = new HashMap<Integer, TierTarget>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            violations.add(new Violation("tiers", "must list the tiers with their queues and pick-up targets"));
            return catalogue;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "tiers[" + i + "]";
            JsonNode t = node.get(i);
            if (!t.isObject()) {
                violations.add(new Violation(path, "must be an object"));
                continue;
            }
            unknownFields(t, path + ".", TIER_FIELDS, Set.of());
            Integer tier = tierNumber(t.get("tier"), path + ".tier");
            String queueId = text(t, "queueId", path + ".queueId", true);
            Set<String> queues = strings(t.get("queues"), path + ".queues");
            Duration pickup = duration(t.get("pickupTarget"), path + ".pickupTarget", true);
            if (tier == null || queueId == null || pickup == null) {
                continue;
            }
            if (catalogue.containsKey(tier)) {
                violations.add(new Violation(path + ".tier", "tier " + tier + " is declared twice"));
                continue;
            }
            catalogue.put(tier, new TierTarget(tier, queueId, pickup, queues == null ? Set.of() : queues));
        }
        for (int tier = TierPolicy.FIRST_TIER + 1; tier <= TierPolicy.TOP_TIER; tier++) {
            if (!catalogue.containsKey(tier) && violations.stream().noneMatch(v -> v.field().startsWith("tiers"))) {
                violations.add(new Violation("tiers", "must declare tier " + tier + " (an escalation target)"));
            }
        }
        return catalogue;
    }

    private List<PolicyRule> rules(JsonNode node, Map<Integer, TierTarget> catalogue, Set<String> specialist,
            Duration handleTime) {
        var rules = new ArrayList<PolicyRule>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            violations.add(new Violation("rules", "must list at least one rule"));
            return rules;
        }
        if (node.size() > MAX_RULES) {
            violations.add(new Violation("rules", "must have at most " + MAX_RULES + " rules"));
            return rules;
        }
        var ids = new HashMap<String, Integer>();
        var parsed = new ArrayList<PolicyRule>();
        // an invalid threshold (reported already) counts as set, so that its rules are not reported twice
        var coverage = new RuleCoverage(specialist, handleTime != null || !handleTimeAbsent);
        for (int i = 0; i < node.size(); i++) {
            String path = "rules[" + i + "]";
            JsonNode r = node.get(i);
            if (!r.isObject()) {
                violations.add(new Violation(path, "must be an object"));
                parsed.add(null);
                continue;
            }
            int before = violations.size();
            unknownFields(r, path + ".", RULE_FIELDS, Set.of());
            String id = text(r, "id", path + ".id", true);
            if (id != null && !ID.matcher(id).matches()) {
                violations.add(new Violation(path + ".id",
                        "must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
            } else if (id != null && ids.putIfAbsent(id, i) != null) {
                violations.add(new Violation(path + ".id", "'" + id + "' is already the id of rules[" + ids.get(id) + "]"));
            }
            String description = text(r, "description", path + ".description", false);
            int beforeWhen = violations.size();
            RuleCondition when = when(r.get("when"), path + ".when", specialist, handleTime);
            RuleOutcome then = outcome(r, path, when, catalogue, violations.size() == beforeWhen);
            if (violations.size() > before) {
                parsed.add(null);
                continue;
            }
            PolicyRule rule = new PolicyRule(id, description, when, then);
            shadowed(path, when, parsed, coverage);
            parsed.add(rule);
            rules.add(rule);
        }
        return rules;
    }

    /** A rule the earlier (valid) rules together match every contact of can never match: named by its when. */
    private void shadowed(String path, RuleCondition when, List<PolicyRule> earlier, RuleCoverage coverage) {
        List<RuleCondition> conditions = earlier.stream().map(e -> e == null ? null : e.when()).toList();
        coverage.shadowedBy(when, conditions).ifPresent(by -> {
            if (by.size() == 1) {
                violations.add(new Violation(path + ".when", "can never match: rules[" + by.get(0) + "] ('"
                        + earlier.get(by.get(0)).id() + "') matches every contact this rule does and comes first"));
                return;
            }
            violations.add(new Violation(path + ".when", by.isEmpty() ? "can never match: no contact meets all of it"
                    : "can never match: the earlier rules " + by.stream().map(i -> "rules[" + i + "] ('"
                            + earlier.get(i).id() + "')").collect(java.util.stream.Collectors.joining(", "))
                            + " together match every contact this rule does"));
        });
    }

    private RuleCondition when(JsonNode node, String path, Set<String> specialist, Duration handleTime) {
        if (node == null || node.isNull()) {
            return RuleCondition.ANY;
        }
        if (!node.isObject()) {
            violations.add(new Violation(path, "must be an object"));
            return RuleCondition.ANY;
        }
        unknownFields(node, path + ".", WHEN_FIELDS, Set.of());
        Set<Reason> reasons = enums(node.get("reasons"), path + ".reasons", Reason.class, "reason");
        Set<Integer> tiers = null;
        JsonNode tiersNode = node.get("tiers");
        if (tiersNode != null && !tiersNode.isNull()) {
            tiers = new HashSet<>();
            if (!nonEmptyArray(tiersNode, path + ".tiers")) {
                tiers = null;
            } else {
                for (int i = 0; i < tiersNode.size(); i++) {
                    Integer t = tierNumber(tiersNode.get(i), path + ".tiers[" + i + "]");
                    if (t != null) {
                        tiers.add(t);
                    }
                }
            }
        }
        Set<Channel> channels = enums(node.get("channels"), path + ".channels", Channel.class, "channel");
        Set<String> categories = strings(node.get("categories"), path + ".categories");
        if (categories != null && categories.isEmpty()) {
            violations.add(new Violation(path + ".categories", "is empty: the rule can never match"));
        }
        Set<Priority> priorities = enums(node.get("priorities"), path + ".priorities", Priority.class, "priority");
        Integer min = null;
        Integer max = null;
        JsonNode range = node.get("escalations");
        if (range != null && !range.isNull()) {
            if (!range.isObject()) {
                violations.add(new Violation(path + ".escalations", "must be an object with min and/or max"));
            } else {
                unknownFields(range, path + ".escalations.", RANGE_FIELDS, Set.of());
                min = count(range.get("min"), path + ".escalations.min");
                max = count(range.get("max"), path + ".escalations.max");
                if (min != null && max != null && min > max) {
                    violations.add(new Violation(path + ".escalations",
                            "min " + min + " is above max " + max + ": the rule can never match"));
                }
            }
        }
        if (reasons != null && !reasons.isEmpty()) {
            boolean anyPossible = false;
            for (Reason reason : reasons) {
                boolean impossible = switch (reason) {
                    case HANDLE_TIME_EXCEEDED -> handleTime == null && handleTimeAbsent;
                    case SPECIALIST_CATEGORY -> specialist == null || specialist.isEmpty()
                            || (categories != null && categories.stream().noneMatch(specialist::contains));
                    default -> false;
                };
                anyPossible |= !impossible;
            }
            if (!anyPossible) {
                violations.add(new Violation(path + ".reasons", "can never match: "
                        + "HANDLE_TIME_EXCEEDED needs handleTimeThreshold, SPECIALIST_CATEGORY needs one of its"
                        + " categories in specialistCategories"));
            }
        }
        return new RuleCondition(reasons, tiers, channels, categories, priorities, min, max);
    }

    private RuleOutcome outcome(JsonNode rule, String path, RuleCondition when, Map<Integer, TierTarget> catalogue,
            boolean whenValid) {
        boolean deEscalate = false;
        boolean deValid = true;
        JsonNode de = rule.get("deEscalate");
        if (de != null && !de.isNull()) {
            if (!de.isBoolean()) {
                violations.add(new Violation(path + ".deEscalate", "must be true or false"));
                deValid = false;
            } else {
                deEscalate = de.booleanValue();
            }
        }
        Priority set = null;
        int raise = 0;
        Priority atLeast = null;
        JsonNode priority = rule.get("priority");
        if (priority != null && !priority.isNull()) {
            if (!priority.isObject()) {
                violations.add(new Violation(path + ".priority", "must be an object with set or raise, and atLeast"));
            } else {
                unknownFields(priority, path + ".priority.", PRIORITY_FIELDS, Set.of());
                set = enumValue(priority.get("set"), path + ".priority.set", Priority.class);
                JsonNode r = priority.get("raise");
                if (r != null && !r.isNull()) {
                    if (!r.isInt() || r.intValue() < 0 || r.intValue() > 3) {
                        violations.add(new Violation(path + ".priority.raise", "must be a whole number from 0 to 3"));
                    } else {
                        raise = r.intValue();
                    }
                }
                if (set != null && raise != 0) {
                    violations.add(new Violation(path + ".priority", "set and raise contradict each other: give one"));
                }
                atLeast = enumValue(priority.get("atLeast"), path + ".priority.atLeast", Priority.class);
            }
        }
        JsonNode target = rule.get("target");
        if (target == null || !target.isObject()) {
            violations.add(new Violation(path + ".target", "must be an object with tier (a number, \"next\" or \"same\")"));
            return null;
        }
        unknownFields(target, path + ".target.", TARGET_FIELDS, Set.of());
        JsonNode tierNode = target.get("tier");
        String queueId = text(target, "queueId", path + ".target.queueId", false);
        Set<Integer> from = when.tiers() == null ? Set.of(1, 2, 3) : when.tiers();
        if (tierNode != null && tierNode.isTextual()) {
            String word = tierNode.textValue().trim().toLowerCase(Locale.ROOT);
            if (!word.equals("next") && !word.equals("same") && !word.equals("engineering")) {
                violations.add(new Violation(path + ".target.tier",
                        "must be a tier number, \"next\", \"same\" or \"engineering\""));
                return null;
            }
            if (queueId != null) {
                violations.add(new Violation(path + ".target.queueId",
                        "only with a numbered target tier (\"" + word + "\" uses the tier's queue)"));
            }
            if (deEscalate) {
                violations.add(new Violation(path + ".deEscalate", "only with a numbered target tier"));
            }
            if (word.equals("next")) {
                if (whenValid && from.contains(TierPolicy.TOP_TIER)) {
                    violations.add(new Violation(path + ".target.tier", "\"next\" from tier " + TierPolicy.TOP_TIER
                            + " is beyond the top tier: limit when.tiers to tiers below it"));
                }
                return new RuleOutcome(RuleOutcome.Target.NEXT, null, null, set, raise, atLeast, false);
            }
            if (word.equals("engineering")) {
                if (whenValid && !from.equals(Set.of(TierPolicy.TOP_TIER))) {
                    violations.add(new Violation(path + ".target.tier", "\"engineering\" is beyond the top tier:"
                            + " only from tier " + TierPolicy.TOP_TIER + " (set when.tiers to [" + TierPolicy.TOP_TIER
                            + "])"));
                }
                return new RuleOutcome(RuleOutcome.Target.ENGINEERING, null, null, set, raise, atLeast, false);
            }
            return new RuleOutcome(RuleOutcome.Target.SAME, null, null, set, raise, atLeast, false);
        }
        Integer tier = tierNumber(tierNode, path + ".target.tier");
        if (tier == null) {
            return null;
        }
        TierTarget declared = catalogue.get(tier);
        if (!catalogueValid) {
            return new RuleOutcome(RuleOutcome.Target.TIER, tier, queueId, set, raise, atLeast, deEscalate);
        }
        if (declared == null) {
            violations.add(new Violation(path + ".target.tier", "tier " + tier + " is not declared in tiers"));
        } else if (queueId != null && !declared.queues().contains(queueId)) {
            violations.add(new Violation(path + ".target.queueId",
                    "'" + queueId + "' is not a queue of tier " + tier + " in tiers"));
        }
        int highestFrom = from.stream().mapToInt(Integer::intValue).max().orElse(TierPolicy.FIRST_TIER);
        if (!whenValid || !deValid) {
            return new RuleOutcome(RuleOutcome.Target.TIER, tier, queueId, set, raise, atLeast, deEscalate);
        }
        if (tier <= highestFrom && !deEscalate) {
            violations.add(new Violation(path + ".deEscalate", "tier " + tier + " is at or below the current tier "
                    + highestFrom + " this rule can match: a de-escalation needs \"deEscalate\": true"
                    + " (or limit when.tiers)"));
        }
        if (deEscalate && tier > highestFrom) {
            violations.add(new Violation(path + ".deEscalate", "tier " + tier + " is above every tier this rule"
                    + " can match: it never de-escalates"));
        }
        return new RuleOutcome(RuleOutcome.Target.TIER, tier, queueId, set, raise, atLeast, deEscalate);
    }

    private void unknownFields(JsonNode node, String prefix, Set<String> known, Set<String> ignored) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !ignored.contains(name)) {
                violations.add(new Violation(prefix + name, "is not a field of the policy document here"));
            }
        });
    }

    private String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new Violation(path, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            violations.add(new Violation(path, "must be a non-blank string"));
            return null;
        }
        if (node.textValue().length() > ("description".equals(field) ? 2000 : MAX_TEXT)) {
            violations.add(new Violation(path, "is too long"));
            return null;
        }
        return node.textValue().trim();
    }

    private Integer tierNumber(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            violations.add(new Violation(path, "is required"));
            return null;
        }
        if (!node.isInt() || node.intValue() < TierPolicy.FIRST_TIER || node.intValue() > TierPolicy.TOP_TIER) {
            violations.add(new Violation(path, "impossible tier " + node + ": tiers are "
                    + TierPolicy.FIRST_TIER + " to " + TierPolicy.TOP_TIER));
            return null;
        }
        return node.intValue();
    }

    private Integer count(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt() || node.intValue() < 0) {
            violations.add(new Violation(path, "must be a whole number of at least 0"));
            return null;
        }
        return node.intValue();
    }

    private Duration duration(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new Violation(path, "is required (an ISO-8601 duration such as PT30M)"));
            }
            return null;
        }
        try {
            Duration d = node.isTextual() ? Duration.parse(node.textValue().trim()) : null;
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(path, "must be a positive ISO-8601 duration such as PT30M"));
        return null;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        E value = node.isTextual() ? parseEnum(node.textValue(), type) : null;
        if (value == null) {
            violations.add(new Violation(path, "must be one of " + EnumSet.allOf(type)));
        }
        return value;
    }

    private <E extends Enum<E>> Set<E> enums(JsonNode node, String path, Class<E> type, String what) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!nonEmptyArray(node, path)) {
            return null;
        }
        Set<E> values = EnumSet.noneOf(type);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            E value = item.isTextual() ? parseEnum(item.textValue(), type) : null;
            if (value == null) {
                violations.add(new Violation(path + "[" + i + "]",
                        "unknown " + what + " " + item + ": must be one of " + EnumSet.allOf(type)));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    private Set<String> strings(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            violations.add(new Violation(path, "must be a list of strings"));
            return null;
        }
        var values = new LinkedHashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > MAX_TEXT) {
                violations.add(new Violation(path + "[" + i + "]", "must be a non-blank string"));
            } else {
                values.add(item.textValue().trim());
            }
        }
        return values;
    }

    private boolean nonEmptyArray(JsonNode node, String path) {
        if (!node.isArray()) {
            violations.add(new Violation(path, "must be a list"));
            return false;
        }
        if (node.isEmpty()) {
            violations.add(new Violation(path, "is empty: the rule can never match"));
            return false;
        }
        return true;
    }

    private static <E extends Enum<E>> E parseEnum(String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads the policy document shipped with the service (JSON or YAML, as {@code mapper} reads), with the
     * configured values filled in: each {@code "${key}"} becomes the value as a double-quoted string (JSON's
     * quoting, which YAML reads the same).
     */
    public static JsonNode template(String resourceText, Map<String, String> values, ObjectMapper mapper) {
        String text = resourceText;
        ObjectMapper json = new ObjectMapper();
        for (var e : values.entrySet()) {
            String quoted;
            try {
                quoted = json.writeValueAsString(e.getValue());
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalArgumentException(ex);
            }
            text = text.replace("\"${" + e.getKey() + "}\"", quoted);
        }
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("the shipped default policy is not well-formed", ex);
        }
    }
}
