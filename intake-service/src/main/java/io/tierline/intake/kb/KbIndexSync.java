package io.tierline.intake.kb;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tierline.intake.kb.store.KbArticleStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's search index equal to MongoDB: on start it indexes every article; then, every
 * {@code tierline.intake.kb.refresh-interval}, it compares the version of every stored article (tombstones
 * included) with the version the index has, and applies what is newer. That is how a change made through
 * another instance reaches this one.
 */
@ApplicationScoped
public class KbIndexSync {

    private static final Logger LOG = Logger.getLogger(KbIndexSync.class);

    private final KbArticleStore store;
    private final KbIndex index;

    public KbIndexSync(KbArticleStore store, KbIndex index) {
        this.store = store;
        this.index = index;
    }

    void onStart(@Observes @Priority(KbArticleStore.STARTUP_ORDER + 20) StartupEvent ignored) {
        refreshLogged();
        LOG.infof("knowledge base: %d searchable article(s) indexed from MongoDB", index.size());
    }

    @Scheduled(identity = "kb-index-refresh", every = "${tierline.intake.kb.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refreshLogged();
    }

    /** @return how many revisions were applied (new, changed, deleted or vanished articles) */
    public int refresh() {
        Map<String, Long> stored = store.versions();
        Map<String, Long> indexed = index.versions();
        List<String> newer = new ArrayList<>();
        stored.forEach((id, version) -> {
            Long known = indexed.get(id);
            if (known == null || version > known) {
                newer.add(id);
            }
        });
        int applied = newer.isEmpty() ? 0 : index.applyAll(store.revisions(newer));
        for (String id : indexed.keySet()) {
            if (!stored.containsKey(id)) {
                index.forget(id);
                applied++;
            }
        }
        if (applied > 0) {
            LOG.infof("knowledge base: %d change(s) applied from MongoDB", applied);
        }
        return applied;
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("refreshing the knowledge-base index from MongoDB failed, will retry: %s", e.toString());
        }
    }
}
