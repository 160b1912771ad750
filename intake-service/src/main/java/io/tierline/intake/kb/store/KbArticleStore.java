package io.tierline.intake.kb.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static io.tierline.intake.kb.store.KbArticleDocument.BODY;
import static io.tierline.intake.kb.store.KbArticleDocument.CATEGORIES;
import static io.tierline.intake.kb.store.KbArticleDocument.CHANNELS;
import static io.tierline.intake.kb.store.KbArticleDocument.DELETED;
import static io.tierline.intake.kb.store.KbArticleDocument.ID;
import static io.tierline.intake.kb.store.KbArticleDocument.LANGUAGE;
import static io.tierline.intake.kb.store.KbArticleDocument.PUBLISHED;
import static io.tierline.intake.kb.store.KbArticleDocument.TAGS;
import static io.tierline.intake.kb.store.KbArticleDocument.TITLE;
import static io.tierline.intake.kb.store.KbArticleDocument.UPDATED_AT;
import static io.tierline.intake.kb.store.KbArticleDocument.VERSION;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.tierline.intake.kb.KbArticle;
import io.tierline.intake.kb.KbRevision;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The knowledge-base articles intake owns: collection {@code kb-articles} of database {@code tierline-intake}. */
@ApplicationScoped
public class KbArticleStore {

    public static final String COLLECTION = "kb-articles";
    /** Observer order on start: indexes, then the seed, then the search index load. */
    public static final int STARTUP_ORDER = 100;

    /** An article as saved, and whether the save created it (it did not exist or was deleted). */
    public record Saved(KbArticle article, boolean created) {
    }

    private final MongoCollection<KbArticleDocument> articles;

    public KbArticleStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.articles = client.getDatabase(database).getCollection(COLLECTION, KbArticleDocument.class);
    }

    void createIndexes(@Observes @Priority(STARTUP_ORDER) StartupEvent ignored) {
        articles.createIndex(Indexes.ascending(LANGUAGE, CATEGORIES));
    }

    /**
     * Creates or replaces an article in one atomic update that raises its version by one.
     *
     * @param content the article's content (its version and updatedAt are ignored)
     */
    public Saved save(KbArticle content, Instant at) {
        Bson update = Updates.combine(
                Updates.set(TITLE, content.title()),
                Updates.set(BODY, content.body()),
                Updates.set(LANGUAGE, content.language()),
                Updates.set(CATEGORIES, content.categories()),
                Updates.set(TAGS, content.tags()),
                Updates.set(CHANNELS, KbArticleDocumentMapper.channelNames(content)),
                Updates.set(PUBLISHED, content.published()),
                Updates.set(DELETED, false),
                Updates.set(UPDATED_AT, at),
                Updates.inc(VERSION, 1L));
        KbArticleDocument before = articles.findOneAndUpdate(eq(ID, content.id()), update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long version = before == null || before.version() == null ? 1 : before.version() + 1;
        boolean created = before == null || Boolean.TRUE.equals(before.deleted());
        return new Saved(content.withVersion(version, at), created);
    }

    public Optional<KbArticle> find(String id) {
        return Optional.ofNullable(articles.find(and(eq(ID, id), ne(DELETED, true))).first())
                .map(KbArticleDocumentMapper::toArticle);
    }

    /** Articles (published or not) in id order, optionally of one language and one category. */
    public List<KbArticle> list(String language, String category, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(ne(DELETED, true)));
        if (language != null) {
            filters.add(eq(LANGUAGE, language));
        }
        if (category != null) {
            filters.add(eq(CATEGORIES, category));
        }
        return articles.find(and(filters)).sort(Sorts.ascending(ID)).limit(limit)
                .map(KbArticleDocumentMapper::toArticle).into(new ArrayList<>());
    }

    /**
     * Marks an article deleted (a tombstone with its version raised by one).
     *
     * @return the deletion, or empty when there is no such article
     */
    public Optional<KbRevision> delete(String id, Instant at) {
        KbArticleDocument after = articles.findOneAndUpdate(and(eq(ID, id), ne(DELETED, true)),
                Updates.combine(Updates.set(DELETED, true), Updates.set(UPDATED_AT, at), Updates.inc(VERSION, 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(KbArticleDocumentMapper::toRevision);
    }

    /** The version of every stored article, tombstones included (a document without one counts as 0). */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        for (Document d : articles.withDocumentClass(Document.class).find().projection(Projections.include(VERSION))) {
            Object version = d.get(VERSION);
            versions.put(d.get(ID).toString(), version instanceof Number n ? n.longValue() : 0L);
        }
        return versions;
    }

    /** The current revisions of these ids (those that exist). */
    public List<KbRevision> revisions(Collection<String> ids) {
        return articles.find(in(ID, ids)).map(KbArticleDocumentMapper::toRevision).into(new ArrayList<>());
    }

    /** Whether the collection holds no document at all, not even a tombstone. */
    public boolean isEmpty() {
        return articles.find().limit(1).first() == null;
    }
}
