package io.tierline.intake;

import io.tierline.events.Priority;
import io.tierline.events.Segment;

/**
 * Derives category, priority and language of a submission. For now: what the gateway asked for, else the
 * configured default category and language, and HIGH priority for VIP customers, NORMAL for everyone else.
 */
public class ContactClassifier {

    private final String defaultCategory;
    private final String defaultLanguage;

    public ContactClassifier(String defaultCategory, String defaultLanguage) {
        this.defaultCategory = defaultCategory;
        this.defaultLanguage = LanguageTag.normalise(defaultLanguage);
    }

    public Classification classify(ContactSubmission submission) {
        ContactContent content = submission.content();
        return new Classification(
                category(submission.requestedCategory()),
                priority(submission.requestedPriority(), content.customer().segment()),
                content.language() != null ? content.language() : defaultLanguage);
    }

    private String category(String requested) {
        return requested == null || requested.isBlank() ? defaultCategory : requested.trim();
    }

    private static Priority priority(Priority requested, Segment segment) {
        if (requested != null) {
            return requested;
        }
        return segment == Segment.VIP ? Priority.HIGH : Priority.NORMAL;
    }
}
