package io.tierline.intake.kb;

import static io.tierline.intake.kb.KbFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KbSuggesterTest {

    private final KbIndex index = KbFixtures.index();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static List<String> ids(List<KbHit> hits) {
        return hits.stream().map(KbHit::id).toList();
    }

    @Test
    void suggestsFromSubjectAndMessageInTheContactsLanguage() {
        var suggester = new KbSuggester(index, 3, 0f);
        assertEquals(List.of("de-rechnung"),
                ids(suggester.suggest("Rechnungen", "Wo finde ich meine Rechnungen?", "de", null, Channel.EMAIL)));
        assertEquals(List.of("en-refund", "en-payment"),
                ids(suggester.suggest("Refund", "My refunds never arrived", "en", null, Channel.EMAIL)));
    }

    @Test
    void theCategoryAndTheChannelNarrowTheSuggestions() {
        var suggester = new KbSuggester(index, 3, 0f);
        assertEquals(List.of(), ids(suggester.suggest(null, "my password", "en", "billing", Channel.CHAT)));
        assertEquals(List.of("en-password"), ids(suggester.suggest(null, "my password", "en", "account", null)));
        assertEquals(List.of(), ids(suggester.suggest(null, "where is my parcel", "en", null, Channel.PHONE)));
    }

    @Test
    void atMostTheLimit() {
        assertEquals(List.of("en-refund"),
                ids(new KbSuggester(index, 1, 0f).suggest("Refund", "refund", "en", null, null)));
        assertEquals(List.of(), ids(new KbSuggester(index, 0, 0f).suggest("Refund", "refund", "en", null, null)));
    }

    @Test
    void onlyHitsScoringAtLeastTheMinimum() {
        List<KbHit> all = new KbSuggester(index, 3, 0f).suggest(null, "refund", "en", null, null);
        assertEquals(2, all.size());
        float between = (all.get(0).score() + all.get(1).score()) / 2;
        assertTrue(all.get(0).score() > between && all.get(1).score() < between);

        assertEquals(List.of("en-refund"),
                ids(new KbSuggester(index, 3, between).suggest(null, "refund", "en", null, null)));
        assertEquals(List.of(), ids(new KbSuggester(index, 3, all.get(0).score() + 0.01f)
                .suggest(null, "refund", "en", null, null)));
    }

    @Test
    void nothingForAContactWithoutMatchingWords() {
        var suggester = new KbSuggester(index, 3, 0f);
        assertEquals(List.of(), suggester.suggest("Hello", "Anyone there?", "en", null, null));
        assertEquals(List.of(), suggester.suggest(null, "  ", "en", null, null));
    }

    @Test
    void onlyTheStartOfAVeryLongMessageIsSearched() {
        var suggester = new KbSuggester(index, 3, 0f);
        String late = "x".repeat(KbSuggester.MAX_TEXT) + " refund";
        assertEquals(List.of(), suggester.suggest(null, late, "en", null, null));
    }
}
