package io.tierline.intake.kb;

import io.tierline.events.Channel;

/**
 * A search of the knowledge base. The text is user input: it is analysed, never parsed as query syntax.
 *
 * @param language an ISO 639-1 code, or null for every language
 * @param category a category (any case), or null for every category
 * @param channel  only articles for this channel (or for every channel), or null for no such filter
 * @param limit    at most this many hits
 */
public record KbSearchQuery(String text, String language, String category, Channel channel, int limit) {

    public KbSearchQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static KbSearchQuery of(String text, int limit) {
        return new KbSearchQuery(text, null, null, null, limit);
    }
}
