package io.tierline.intake.kb;

import io.tierline.events.Channel;
import java.util.List;

/**
 * Picks the articles to suggest for a contact: the best hits for its text in its language (and category and
 * channel), at most {@code limit}, each scoring at least {@code minScore}.
 */
public final class KbSuggester {

    /** Only the start of a long message is searched: enough to match, bounded in cost. */
    static final int MAX_TEXT = 2000;

    private final KbIndex index;
    private final int limit;
    private final float minScore;

    public KbSuggester(KbIndex index, int limit, float minScore) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.index = index;
        this.limit = limit;
        this.minScore = minScore;
    }

    /**
     * @param language an ISO 639-1 code (null: every language)
     * @param category the contact's category, or null when it was not classified
     */
    public List<KbHit> suggest(String subject, String message, String language, String category, Channel channel) {
        String text = ((subject == null ? "" : subject + "\n") + (message == null ? "" : message));
        if (limit == 0 || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return index.search(new KbSearchQuery(text, language, category, channel, limit)).stream()
                .filter(hit -> hit.score() >= minScore)
                .toList();
    }
}
