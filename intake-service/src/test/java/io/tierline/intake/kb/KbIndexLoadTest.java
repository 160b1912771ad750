package io.tierline.intake.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.kb.api.KbArticles;
import io.tierline.intake.kb.store.KbArticleStore;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The index is built from MongoDB: documents written straight to the store (as another instance, or a previous
 * run, would have left them) are found after a refresh, and a fresh index loaded from the store finds what the
 * running one finds.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KbIndexLoadTest {

    @Inject
    MongoClient mongo;
    @Inject
    KbIndexSync sync;
    @Inject
    KbArticleStore store;
    @Inject
    KnowledgeBase kb;

    private MongoCollection<Document> articles() {
        return mongo.getDatabase("tierline-intake").getCollection(KbArticleStore.COLLECTION);
    }

    private static Document stored(String id, String language, String title, String body, boolean published) {
        return new Document("_id", id).append("title", title).append("body", body).append("language", language)
                .append("categories", List.of("billing")).append("tags", List.of()).append("channels", List.of())
                .append("published", published).append("version", 1L).append("updatedAt", new Date())
                .append("deleted", false);
    }

    private List<String> find(KbIndex index, String text) {
        return index.search(KbSearchQuery.of(text, 10)).stream().map(KbHit::id).toList();
    }

    private List<String> find(String text) {
        return kb.search(KbSearchQuery.of(text, 10)).stream().map(KbHit::id).toList();
    }

    @Test
    void documentsWrittenToTheStoreAreIndexedByTheRefresh() {
        String word = KbArticles.uniqueWord();
        String en = KbArticles.uniqueId();
        String de = KbArticles.uniqueId();
        String draft = KbArticles.uniqueId();
        articles().insertMany(List.of(
                stored(en, "en", "Refunds " + word, "Money back.", true),
                stored(de, "de", "Rechnungen " + word, "Im Kundenkonto.", true),
                stored(draft, "en", "Draft " + word, "Later.", false)));
        assertEquals(List.of(), find(word), "not indexed before the refresh");

        assertTrue(sync.refresh() >= 3);
        assertEquals(Set.of(de, en), Set.copyOf(find(word)));
        assertEquals(List.of(de), kb.search(new KbSearchQuery("Rechnung " + word, "de", null, null, 10)).stream()
                .map(KbHit::id).toList(), "German stemming on a loaded article");
        assertEquals(0, sync.refresh(), "nothing new: nothing applied");

        String renamed = KbArticles.uniqueWord();
        articles().updateOne(Filters.eq("_id", en),
                Updates.combine(Updates.set("title", "Refunds " + renamed), Updates.set("version", 2L)));
        articles().updateOne(Filters.eq("_id", de),
                Updates.combine(Updates.set("deleted", true), Updates.set("version", 2L)));
        sync.refresh();
        assertEquals(List.of(en), find(renamed));
        assertEquals(List.of(), find(word));

        articles().deleteOne(Filters.eq("_id", en));
        sync.refresh();
        assertEquals(List.of(), find(renamed));
    }

    @Test
    void aChangeMadeThroughOneInstanceReachesAnotherWithItsRefresh() throws Exception {
        String word = KbArticles.uniqueWord();
        String id = KbArticles.uniqueId();
        try (KbIndex other = new KbIndex(3.0f)) {
            var otherSync = new KbIndexSync(store, other);
            otherSync.refresh();

            kb.put(new KbArticle(id, "Shared " + word, "Written through this instance.", "en", List.of(), List.of(),
                    List.of(), true, 0, null));
            assertEquals(List.of(), find(other, word), "the other instance has not refreshed yet");
            assertEquals(1, otherSync.refresh());
            assertEquals(List.of(id), find(other, word));

            kb.delete(id);
            assertEquals(List.of(id), find(other, word), "still there until its next refresh");
            otherSync.refresh();
            assertEquals(List.of(), find(other, word));
        }
    }

    @Test
    void aFreshIndexLoadedFromTheStoreFindsWhatTheRunningOneFinds() throws Exception {
        String word = KbArticles.uniqueWord();
        String direct = KbArticles.uniqueId();
        String viaApi = KbArticles.uniqueId();
        articles().insertOne(stored(direct, "en", "Direct " + word, "Written to the store.", true));
        kb.put(new KbArticle(viaApi, "Api " + word, "Put through the service.", "en", List.of(), List.of(),
                List.of(), true, 0, null));
        String deleted = KbArticles.uniqueId();
        kb.put(new KbArticle(deleted, "Deleted " + word, "Gone.", "en", List.of(), List.of(), List.of(), true, 0,
                null));
        kb.delete(deleted);

        try (KbIndex restarted = new KbIndex(3.0f)) {
            new KbIndexSync(store, restarted).refresh();
            assertEquals(Set.of(direct, viaApi), Set.copyOf(find(restarted, word)));
            assertEquals(store.versions().keySet(), restarted.versions().keySet(),
                    "the fresh index knows every stored article, tombstones included");
        }
    }
}
