package io.tierline.intake.kb.api;

import io.tierline.events.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /kb/articles/{id}}; the language is also checked against ISO 639-1 in code. */
public record KbArticleRequest(
        @NotBlank @Size(max = KbArticleRequest.MAX_TITLE) String title,
        @NotBlank @Size(max = KbArticleRequest.MAX_BODY) String body,
        @NotNull String language,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 5) List<@NotNull Channel> channels,
        @NotNull Boolean published) {

    static final int MAX_TITLE = 300;
    static final int MAX_BODY = 50_000;
}
