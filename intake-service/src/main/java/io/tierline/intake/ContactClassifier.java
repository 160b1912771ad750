package io.tierline.intake;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.intake.classification.CategoryRule;
import io.tierline.intake.classification.ClassificationRules;
import io.tierline.intake.classification.LanguageDetector;
import io.tierline.intake.classification.PriorityRule;
import io.tierline.intake.classification.Words;
import java.util.function.Supplier;

/**
 * Derives category, priority and language of a submission from the active {@link ClassificationRules}.
 * <ul>
 * <li>Category: when the gateway sent a category hint, the first {@code hints} rule naming it, else the hint
 * itself (trimmed); without a hint, the first {@code ivrPathPrefix} or {@code keywords} rule that matches, in
 * document order; else the default category.</li>
 * <li>Priority: what the gateway asked for; else the highest priority of every matching priority rule (NORMAL
 * when none), one step higher for a repeat contact when the rules say so.</li>
 * <li>Language: the gateway's; else detected from subject and message ({@link LanguageDetector}); else the
 * default language.</li>
 * </ul>
 */
public class ContactClassifier {

    private final Supplier<ClassificationRules> rules;
    private final String defaultCategory;
    private final String defaultLanguage;
    private final LanguageDetector detector;

    public ContactClassifier(Supplier<ClassificationRules> rules, String defaultCategory, String defaultLanguage,
            LanguageDetector detector) {
        this.rules = rules;
        this.defaultCategory = defaultCategory;
        this.defaultLanguage = LanguageTag.normalise(defaultLanguage);
        this.detector = detector;
    }

    /** The built-in rules (no category rules, VIP HIGH) and the standard detector. */
    public ContactClassifier(String defaultCategory, String defaultLanguage) {
        this(ClassificationRules::builtIn, defaultCategory, defaultLanguage, new LanguageDetector());
    }

    /** The rules in effect now: classify one submission with one snapshot. */
    public ClassificationRules rules() {
        return rules.get();
    }

    /** Classifies a first contact (not a repeat) with the rules in effect now. */
    public Classification classify(ContactSubmission submission) {
        return classify(submission, rules(), false);
    }

    public Classification classify(ContactSubmission submission, ClassificationRules rules, boolean repeat) {
        String category = category(submission, rules);
        return new Classification(category, priority(submission, rules, category, repeat), language(submission));
    }

    public String category(ContactSubmission submission, ClassificationRules rules) {
        String hint = submission.requestedCategory();
        if (hint != null && !hint.isBlank()) {
            String trimmed = hint.trim();
            for (CategoryRule rule : rules.categories()) {
                if (rule.hints() != null && rule.hints().stream().anyMatch(h -> h.trim().equalsIgnoreCase(trimmed))) {
                    return rule.category();
                }
            }
            return trimmed;
        }
        ContactContent content = submission.content();
        String ivrPath = content.details().phone() == null ? null : content.details().phone().ivrPath();
        String text = null;
        for (CategoryRule rule : rules.categories()) {
            if (rule.ivrPathPrefix() != null && ivrPath != null && ivrPath.startsWith(rule.ivrPathPrefix())) {
                return rule.category();
            }
            if (rule.keywords() != null) {
                if (text == null) {
                    text = Words.framed(join(content.subject(), content.message()));
                }
                for (String keyword : rule.keywords()) {
                    if (text.contains(Words.framed(keyword))) {
                        return rule.category();
                    }
                }
            }
        }
        return defaultCategory;
    }

    private static Priority priority(ContactSubmission submission, ClassificationRules rules, String category,
            boolean repeat) {
        if (submission.requestedPriority() != null) {
            return submission.requestedPriority();
        }
        Segment segment = submission.content().customer().segment();
        Channel channel = submission.content().channel();
        Priority priority = Priority.NORMAL;
        boolean matched = false;
        for (PriorityRule rule : rules.priorities()) {
            if ((rule.segment() == null || rule.segment() == segment)
                    && (rule.channel() == null || rule.channel() == channel)
                    && (rule.category() == null || rule.category().trim().equalsIgnoreCase(category))) {
                priority = matched ? max(priority, rule.priority()) : rule.priority();
                matched = true;
            }
        }
        if (repeat && rules.repeatRaisesPriority()) {
            priority = priority.raised();
        }
        return priority;
    }

    private String language(ContactSubmission submission) {
        ContactContent content = submission.content();
        if (content.language() != null) {
            return content.language();
        }
        return detector.detect(join(content.subject(), content.message())).orElse(defaultLanguage);
    }

    private static Priority max(Priority a, Priority b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String join(String subject, String message) {
        return (subject == null ? "" : subject) + "\n" + (message == null ? "" : message);
    }
}
