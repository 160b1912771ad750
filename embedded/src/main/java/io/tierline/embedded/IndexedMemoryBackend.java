package io.tierline.embedded;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's in-memory backend, with two things a real MongoDB does that it does not: a query that pins
 * a uniquely indexed field ({@code _id}, or a unique key) and adds further conditions is answered from the index;
 * non-unique indexes exist ({@link SecondaryMemoryIndex}: equality prefixes, ranges, sorts with a limit) instead
 * of being ignored; and a query uses the index that fits it best ({@link IndexedMemoryCollection}).
 * The backend alone uses an index only when the query's fields are exactly the index's; every conditional
 * update ({@code {_id: x, version: v}}, or {@code $and} of both, as the Java driver writes it) scanned the whole
 * collection under its lock, so the embedded store, not the services, set the pace of every benchmark.
 *
 * <p>The index only narrows the candidates to the documents having that field's value; the collection still
 * applies the whole query to each, so results are the backend's own.
 */
public class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    static final class Database extends MemoryDatabase {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new NarrowingUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new SecondaryMemoryIndex(indexName, keys, sparse);
        }
    }

    /** A unique index that also serves conjunctions containing a condition it can answer on its own. */
    static final class NarrowingUniqueIndex extends MemoryUniqueIndex {

        NarrowingUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return super.canHandle(query) || narrowing(query) != null;
        }

        @Override
        public synchronized Iterable<Integer> getPositions(Document query) {
            if (super.canHandle(query)) {
                return super.getPositions(query);
            }
            // a superset of the matches: the collection applies the whole query to each candidate
            return super.getPositions(narrowing(query));
        }

        /**
         * The part of the query the index answers by itself: the conditions on the index's fields that every match
         * must meet ({@link Conjunction}), or null when the index cannot answer them.
         */
        Document narrowing(Document query) {
            Map<String, Object> required = Conjunction.conditions(query);
            Document onIndex = new Document();
            for (String field : keys()) {
                if (!required.containsKey(field)) {
                    return null;
                }
                onIndex.put(field, required.get(field));
            }
            return super.canHandle(onIndex) ? onIndex : null;
        }
    }
}
