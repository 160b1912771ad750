package io.tierline.intake.kb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.intake.kb.KbArticle;
import io.tierline.intake.kb.KbConfig;
import io.tierline.intake.kb.KbHit;
import io.tierline.intake.kb.KbIndex;
import io.tierline.intake.kb.KbRevision;
import io.tierline.intake.kb.KbSuggester;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped sample articles are valid and answer the README's demo contacts with the shipped settings. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KbSeedTest {

    @Inject
    KbSeedLoader seed;
    @Inject
    KbConfig config;

    @Test
    void theSampleArticlesAreValidAndInEnglishAndGerman() {
        List<KbArticle> articles = seed.articles();
        assertTrue(articles.size() >= 8, "a handful of articles");
        Set<String> languages = articles.stream().map(KbArticle::language).collect(Collectors.toSet());
        assertTrue(languages.containsAll(Set.of("en", "de")), languages.toString());
        assertEquals(articles.size(), articles.stream().map(KbArticle::id).distinct().count(), "unique ids");
    }

    @Test
    void theDemoContactsGetSuggestionsFromTheSamples() throws Exception {
        try (KbIndex index = new KbIndex(config.titleBoost())) {
            seed.articles().forEach(a -> index.apply(KbRevision.of(a)));
            var suggester = new KbSuggester(index, config.suggestions().limit(), config.suggestions().minScore());

            List<KbHit> en = suggester.suggest("Refund", "My refund never arrived", "en", "billing", Channel.CHAT);
            assertEquals("en-refund-status", en.get(0).id());
            List<KbHit> de = suggester.suggest("Rückerstattung", "Meine Rückerstattungen sind nicht angekommen",
                    "de", "billing", Channel.EMAIL);
            assertEquals("de-rueckerstattung", de.get(0).id());
            assertEquals(List.of(), suggester.suggest("Hello", "Is anybody there?", "en", null, Channel.CHAT));
        }
    }

    @Test
    void nothingIsSeededIntoACollectionThatHasArticles() {
        KbArticles.put(KbArticles.uniqueId(), KbArticles.article("Existing", "Article.")).statusCode(201);
        assertEquals(0, seed.seedIfEmpty());
    }
}
