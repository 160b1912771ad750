package io.tierline.intake.kb;

import io.tierline.events.Channel;
import java.time.Instant;
import java.util.List;

/**
 * A knowledge-base article (L0 self-service).
 *
 * @param language   an ISO 639-1 code in lower case ({@code en}, {@code de})
 * @param categories lower-case contact categories it answers; empty: any
 * @param channels   the channels it may be suggested on; empty: every channel
 * @param published  only published articles are searched and suggested
 * @param version    1 on creation, one more on every change (also on deletion)
 * @param updatedAt  when it last changed
 */
public record KbArticle(String id, String title, String body, String language, List<String> categories,
        List<String> tags, List<Channel> channels, boolean published, long version, Instant updatedAt) {

    public KbArticle {
        categories = categories == null ? List.of() : List.copyOf(categories);
        tags = tags == null ? List.of() : List.copyOf(tags);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** The same content at another version. */
    public KbArticle withVersion(long newVersion, Instant at) {
        return new KbArticle(id, title, body, language, categories, tags, channels, published, newVersion, at);
    }

    @Override
    public String toString() {
        return "KbArticle[id=" + id + ", language=" + language + ", version=" + version + "]";
    }
}
