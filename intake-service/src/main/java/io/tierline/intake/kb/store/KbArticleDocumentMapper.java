package io.tierline.intake.kb.store;

import io.tierline.events.Channel;
import io.tierline.intake.kb.KbArticle;
import io.tierline.intake.kb.KbRevision;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps stored article documents to the domain; lenient with documents written by hand (missing fields). */
public final class KbArticleDocumentMapper {

    private static final Set<String> CHANNEL_NAMES =
            Arrays.stream(Channel.values()).map(Channel::name).collect(Collectors.toSet());

    private KbArticleDocumentMapper() {
    }

    public static KbRevision toRevision(KbArticleDocument d) {
        long version = d.version() == null ? 0 : d.version();
        return Boolean.TRUE.equals(d.deleted()) ? KbRevision.deleted(d.id(), version) : KbRevision.of(toArticle(d));
    }

    public static KbArticle toArticle(KbArticleDocument d) {
        List<Channel> channels = d.channels() == null ? List.of() : d.channels().stream()
                .filter(CHANNEL_NAMES::contains)
                .map(Channel::valueOf)
                .toList();
        return new KbArticle(d.id(), nonNull(d.title()), nonNull(d.body()), nonNull(d.language()), d.categories(),
                d.tags(), channels, Boolean.TRUE.equals(d.published()), d.version() == null ? 0 : d.version(),
                d.updatedAt());
    }

    /** The channel names as stored. */
    public static List<String> channelNames(KbArticle article) {
        return article.channels().stream().map(Channel::name).toList();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
