package io.tierline.intake.kb;

import static io.tierline.intake.kb.KbFixtures.AT;
import static io.tierline.intake.kb.KbFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes to the index are visible to the very next search; stale revisions are ignored. */
class KbIndexUpdateTest {

    private final KbIndex index = new KbIndex(3.0f);

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private List<String> find(String text) {
        return index.search(KbSearchQuery.of(text, 10)).stream().map(KbHit::id).toList();
    }

    @Test
    void aReplacedArticleIsFoundByItsNewWordsOnlyAtOnce() {
        var v1 = article("a1", "en", "Refund policy", "Money comes back within five days.");
        assertTrue(index.apply(KbRevision.of(v1)));
        assertEquals(List.of("a1"), find("refund"));

        var v2 = article("a1", "en", "Warranty terms", "Repairs are free for two years.").withVersion(2, AT);
        assertTrue(index.apply(KbRevision.of(v2)));
        assertEquals(List.of(), find("refund"));
        assertEquals(List.of("a1"), find("warranty"));
        assertEquals(1, index.size());
    }

    @Test
    void aDeletionRemovesTheArticleAndAnOlderRevisionCannotBringItBack() {
        var v1 = article("a2", "en", "Refund policy", "Money comes back within five days.");
        index.apply(KbRevision.of(v1));
        assertTrue(index.apply(KbRevision.deleted("a2", 2)));
        assertEquals(List.of(), find("refund"));

        assertFalse(index.apply(KbRevision.of(v1)), "version 1 after the deletion at version 2 is stale");
        assertFalse(index.apply(KbRevision.deleted("a2", 2)), "the same revision twice is applied once");
        assertEquals(List.of(), find("refund"));
        assertEquals(Map.of("a2", 2L), index.versions());

        assertTrue(index.apply(KbRevision.of(v1.withVersion(3, AT))), "re-created after the deletion");
        assertEquals(List.of("a2"), find("refund"));
    }

    @Test
    void unpublishingRemovesAnArticleFromTheSearch() {
        var published = article("a3", "en", "Refund policy", "Money comes back within five days.");
        index.apply(KbRevision.of(published));
        var draft = new KbArticle("a3", published.title(), published.body(), "en", List.of(), List.of(), List.of(),
                false, 2, AT);
        index.apply(KbRevision.of(draft));
        assertEquals(List.of(), find("refund"));
        assertEquals(0, index.size());
    }

    @Test
    void aBatchAppliesOnlyTheNewerRevisionsAndIsSearchableAfterwards() {
        var a = article("b1", "en", "Refund policy", "Money back.");
        index.apply(KbRevision.of(a.withVersion(2, AT)));
        int applied = index.applyAll(List.of(
                KbRevision.of(a),
                KbRevision.of(article("b2", "en", "Refund form", "Fill it in.")),
                KbRevision.deleted("b3", 1)));
        assertEquals(2, applied, "b1 at version 1 is stale");
        assertEquals(List.of("b1", "b2"), find("refund").stream().sorted().toList());
        assertEquals(Map.of("b1", 2L, "b2", 1L, "b3", 1L), index.versions());
    }

    @Test
    void forgettingAnIdRemovesItWhateverItsVersion() {
        index.apply(KbRevision.of(article("a4", "en", "Refund policy", "Money back.").withVersion(7, AT)));
        index.forget("a4");
        assertEquals(List.of(), find("refund"));
        assertTrue(index.apply(KbRevision.of(article("a4", "en", "Refund policy", "Money back."))),
                "after forgetting, any version is new");
    }

    @Test
    void theLimitCapsTheHitsAndKeepsTheBest() {
        IntStream.range(0, 8).forEach(i -> index.apply(KbRevision.of(
                article("n" + i, "en", i == 5 ? "Refund" : "Topic " + i, "About refund number " + i + "."))));
        List<KbHit> hits = index.search(KbSearchQuery.of("refund", 3));
        assertEquals(3, hits.size());
        assertEquals("n5", hits.get(0).id(), "the title match ranks first");
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertTrue(hits.get(1).score() >= hits.get(2).score());
    }

    @Test
    void theSnippetShowsTheMatchedPartOfALongBody() {
        String filler = IntStream.range(0, 60).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        String body = filler + " Your refunds arrive within five days. " + filler;
        index.apply(KbRevision.of(article("long", "en", "Money back", body)));

        KbHit hit = index.search(KbSearchQuery.of("refund", 1)).get(0);
        assertTrue(hit.snippet().contains("Your refunds arrive"), hit.snippet());
        assertTrue(hit.snippet().startsWith(Snippets.ELLIPSIS), hit.snippet());
        assertTrue(hit.snippet().endsWith(Snippets.ELLIPSIS), hit.snippet());
        assertTrue(hit.snippet().length() <= KbIndex.SNIPPET_LENGTH + 2, hit.snippet());
        assertFalse(hit.snippet().contains("  "));
    }

    @Test
    void aShortBodyIsItsOwnSnippet() {
        index.apply(KbRevision.of(article("short", "en", "Refund", "Money   comes back.")));
        assertEquals("Money comes back.", index.search(KbSearchQuery.of("refund", 1)).get(0).snippet());
    }

    @Test
    void aVeryLongQueryInEveryLanguageStaysWithinLucenesClauseLimit() {
        index.apply(KbRevision.of(article("a5", "en", "Refund policy", "Money back.")));
        String text = "refund " + IntStream.range(0, 3000).mapToObj(i -> "term" + i).collect(Collectors.joining(" "));
        assertEquals(List.of("a5"), find(text));
    }
}
