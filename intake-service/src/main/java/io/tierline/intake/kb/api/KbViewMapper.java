package io.tierline.intake.kb.api;

import io.tierline.intake.kb.KbArticle;
import io.tierline.intake.kb.KbHit;
import java.util.List;
import java.util.Locale;

/** Maps between the knowledge base's REST types and the domain. */
public final class KbViewMapper {

    private KbViewMapper() {
    }

    /** A validated request as an article's content: language and categories in lower case. */
    static KbArticle toArticle(String id, KbArticleRequest r) {
        List<String> categories = r.categories() == null ? List.of()
                : r.categories().stream().map(KbViewMapper::normalise).distinct().toList();
        List<String> tags = r.tags() == null ? List.of() : r.tags().stream().map(String::strip).toList();
        return new KbArticle(id, r.title().strip(), r.body(), normalise(r.language()), categories, tags,
                r.channels() == null ? List.of() : r.channels().stream().distinct().toList(), r.published(), 0, null);
    }

    static KbArticleView toView(KbArticle a) {
        return new KbArticleView(a.id(), a.title(), a.body(), a.language(), a.categories(), a.tags(), a.channels(),
                a.published(), a.version(), a.updatedAt());
    }

    static KbSearchAnswer toAnswer(List<KbHit> hits) {
        return new KbSearchAnswer(hits.stream()
                .map(h -> new KbHitView(h.id(), h.title(), h.language(), rounded(h.score()), h.snippet()))
                .toList());
    }

    /** A score as shown: three decimals. */
    public static double rounded(float score) {
        return Math.round(score * 1000d) / 1000d;
    }

    static String normalise(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
