package io.tierline.intake.classification;

import java.util.List;

/**
 * A category rule: exactly one condition. {@code ivrPathPrefix} matches a phone contact whose IVR path starts
 * with it; {@code keywords} match whole words or phrases in the subject or message (case-insensitive);
 * {@code hints} match the category the gateway asked for (case-insensitive).
 */
public record CategoryRule(String name, String category, String ivrPathPrefix, List<String> keywords,
        List<String> hints) {

    public CategoryRule {
        keywords = keywords == null ? null : List.copyOf(keywords);
        hints = hints == null ? null : List.copyOf(hints);
    }
}
