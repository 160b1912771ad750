package io.tierline.intake.kb.api;

import io.tierline.events.Channel;
import java.time.Instant;
import java.util.List;

/** An article as {@code GET /kb/articles} answers it. */
public record KbArticleView(String id, String title, String body, String language, List<String> categories,
        List<String> tags, List<Channel> channels, boolean published, long version, Instant updatedAt) {
}
