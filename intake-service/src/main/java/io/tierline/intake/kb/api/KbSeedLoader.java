package io.tierline.intake.kb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.tierline.intake.kb.KbArticle;
import io.tierline.intake.kb.KbConfig;
import io.tierline.intake.kb.KnowledgeBase;
import io.tierline.intake.kb.store.KbArticleStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The sample articles shipped in {@code kb-seed-articles.json} (objects with {@code id} and the fields of
 * {@code PUT /kb/articles/{id}}), validated like a PUT. Loaded on start when {@code tierline.intake.kb.seed}
 * is true and the collection is empty, so that a local demo answers with suggestions.
 */
@ApplicationScoped
public class KbSeedLoader {

    static final String RESOURCE = "kb-seed-articles.json";
    private static final Logger LOG = Logger.getLogger(KbSeedLoader.class);

    private final KnowledgeBase kb;
    private final KbArticleStore store;
    private final KbRequestValidator validator;
    private final ObjectMapper json;
    private final KbConfig config;

    public KbSeedLoader(KnowledgeBase kb, KbArticleStore store, KbRequestValidator validator, ObjectMapper json,
            KbConfig config) {
        this.kb = kb;
        this.store = store;
        this.validator = validator;
        this.json = json;
        this.config = config;
    }

    void onStart(@Observes @Priority(KbArticleStore.STARTUP_ORDER + 10) StartupEvent ignored) {
        if (config.seed()) {
            seedIfEmpty();
        }
    }

    /** @return how many articles were loaded: all of them into an empty collection, else none */
    public int seedIfEmpty() {
        if (!store.isEmpty()) {
            LOG.info("knowledge base not empty: sample articles not loaded");
            return 0;
        }
        List<KbArticle> articles = articles();
        articles.forEach(kb::put);
        LOG.infof("knowledge base: %d sample article(s) loaded", articles.size());
        return articles.size();
    }

    /** The shipped sample articles, validated. */
    public List<KbArticle> articles() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<KbArticle> articles = new ArrayList<>();
            for (JsonNode node : json.readTree(in)) {
                ObjectNode fields = ((ObjectNode) node).deepCopy();
                String id = fields.remove("id").asText();
                KbArticleRequest request = json.treeToValue(fields, KbArticleRequest.class);
                validator.article(id, request);
                articles.add(KbViewMapper.toArticle(id, request));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }
}
