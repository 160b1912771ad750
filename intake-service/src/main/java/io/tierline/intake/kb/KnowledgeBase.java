package io.tierline.intake.kb;

import io.tierline.intake.kb.store.KbArticleStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The knowledge base: articles are written to MongoDB first, then applied to this instance's search index at
 * once. Other instances pick the change up with their periodic refresh ({@link KbIndexSync}).
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    private final KbArticleStore store;
    private final KbIndex index;
    private final Clock clock;

    public KnowledgeBase(KbArticleStore store, KbIndex index, Clock clock) {
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    /** Creates or replaces an article; its version is one more than before. */
    public KbArticleStore.Saved put(KbArticle content) {
        KbArticleStore.Saved saved = store.save(content, now());
        LOG.infof("knowledge-base article %s saved at version %d", saved.article().id(), saved.article().version());
        apply(KbRevision.of(saved.article()));
        return saved;
    }

    public Optional<KbArticle> get(String id) {
        return store.find(id);
    }

    public List<KbArticle> list(String language, String category, int limit) {
        return store.list(language, category, limit);
    }

    /** @return false when there is no such article */
    public boolean delete(String id) {
        Optional<KbRevision> deleted = store.delete(id, now());
        deleted.ifPresent(revision -> {
            LOG.infof("knowledge-base article %s deleted at version %d", id, revision.version());
            apply(revision);
        });
        return deleted.isPresent();
    }

    public List<KbHit> search(KbSearchQuery query) {
        return index.search(query);
    }

    /** The store has the change; if the index cannot take it now, the next refresh applies it. */
    private void apply(KbRevision revision) {
        try {
            index.apply(revision);
        } catch (RuntimeException e) {
            LOG.errorf(e, "indexing article %s failed; the next refresh retries", revision.id());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
