package io.tierline.intake.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory full-text index of the knowledge base (Lucene, BM25). One writer applies every change; each
 * change is visible to the next search (near-real-time reader refresh). It remembers the version of every id it
 * has applied, including deletions, and ignores a revision no newer than that, so revisions may arrive in any
 * order and more than once.
 */
public final class KbIndex implements AutoCloseable {

    static final int SNIPPET_LENGTH = 200;

    private final KbAnalyzers analyzers = new KbAnalyzers();
    private final KbQueries queries;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Long> versions = new HashMap<>();

    /** @param titleBoost how much more a word in the title weighs than one in the body */
    public KbIndex(float titleBoost) {
        this.queries = new KbQueries(analyzers, titleBoost);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField())
                    .setSimilarity(new BM25Similarity())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, new SearcherFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("creating the knowledge-base index failed", e);
        }
    }

    /**
     * Indexes a searchable revision, removes any other (deleted or unpublished) from the search.
     *
     * @return false when the index already has this or a newer version of the article
     */
    public boolean apply(KbRevision revision) {
        return applyAll(List.of(revision)) == 1;
    }

    /**
     * Applies revisions as {@link #apply(KbRevision)} does, with one reader refresh at the end.
     *
     * @return how many were newer than what the index had, and so applied
     */
    public synchronized int applyAll(Collection<KbRevision> revisions) {
        int applied = 0;
        try {
            for (KbRevision revision : revisions) {
                Long known = versions.get(revision.id());
                if (known != null && known >= revision.version()) {
                    continue;
                }
                write(revision.id(), revision.searchable() ? KbDocuments.of(revision.article()) : null);
                versions.put(revision.id(), revision.version());
                applied++;
            }
        } finally {
            if (applied > 0) {
                refreshReaders();
            }
        }
        return applied;
    }

    /** Removes an id whatever its version (its document is gone from the store altogether). */
    public synchronized void forget(String id) {
        write(id, null);
        versions.remove(id);
        refreshReaders();
    }

    /** The version applied for every id, deletions included. */
    public synchronized Map<String, Long> versions() {
        return Map.copyOf(versions);
    }

    /** Ranked hits, best first; none when the text has no searchable word. */
    public List<KbHit> search(KbSearchQuery search) {
        KbQueries.Built built = queries.build(search);
        if (built.query() == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return hits(searcher, searcher.search(built.query(), search.limit()), built.termsByKey());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the knowledge base failed", e);
        }
    }

    /** How many articles are searchable. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the knowledge-base index failed", e);
        }
    }

    private List<KbHit> hits(IndexSearcher searcher, TopDocs top, Map<String, Set<String>> termsByKey)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        List<KbHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = stored.document(scoreDoc.doc);
            String language = doc.get(KbFields.LANGUAGE);
            String key = KbAnalyzers.keyOf(language);
            String snippet = Snippets.of(analyzers, key, doc.get(KbFields.BODY),
                    termsByKey.getOrDefault(key, Set.of()), SNIPPET_LENGTH);
            hits.add(new KbHit(doc.get(KbFields.ID), doc.get(KbFields.TITLE), language, scoreDoc.score, snippet));
        }
        return hits;
    }

    private void write(String id, Document doc) {
        try {
            Term idTerm = new Term(KbFields.ID, id);
            if (doc == null) {
                writer.deleteDocuments(idTerm);
            } else {
                writer.updateDocument(idTerm, doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("updating the knowledge-base index failed", e);
        }
    }

    /** Makes every change so far visible to the next search. */
    private void refreshReaders() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("refreshing the knowledge-base readers failed", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        analyzers.close();
    }
}
