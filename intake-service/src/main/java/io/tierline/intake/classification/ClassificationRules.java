package io.tierline.intake.classification;

import io.tierline.events.Priority;
import io.tierline.events.Segment;
import java.util.List;

/**
 * The classification rules document (validated by {@link ClassificationRulesParser}).
 *
 * @param version               the document's own version label, shown by {@code GET /classification-rules}
 * @param categories            category rules, in order: the first that matches decides
 * @param priorities            priority rules: the highest priority of all that match (NORMAL when none)
 * @param repeatRaisesPriority  whether a repeat contact gets one step more (capped at URGENT)
 */
public record ClassificationRules(String version, List<CategoryRule> categories, List<PriorityRule> priorities,
        boolean repeatRaisesPriority) {

    public ClassificationRules {
        categories = categories == null ? List.of() : List.copyOf(categories);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    /** No category rules, VIP customers HIGH, repeats not raised: how intake classified before rules existed. */
    public static ClassificationRules builtIn() {
        return new ClassificationRules("built-in", List.of(),
                List.of(new PriorityRule("vip", Segment.VIP, null, null, Priority.HIGH)), false);
    }
}
