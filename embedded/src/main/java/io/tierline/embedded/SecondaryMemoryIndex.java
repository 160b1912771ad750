package io.tierline.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-unique (secondary) index for mongo-java-server's memory backend, which otherwise ignores every index
 * that is not unique: equality on all of the index's fields (top level or in a top-level {@code $and}; a
 * single-field index also takes {@code $in}) is answered from it. Multikey like MongoDB's: a document is filed
 * under each element of an indexed array.
 *
 * <p>It only narrows the candidates: the collection applies the whole query to each one, so a query answers
 * what the backend would answer by scanning. Should a document ever fail to be filed (parallel arrays in a
 * compound index), the index stops answering queries rather than answer from an incomplete map.
 */
final class SecondaryMemoryIndex extends Index<Integer> {

    private final Map<KeyValue, Set<Integer>> positionsByKey = new HashMap<>();
    private final Map<Integer, Set<KeyValue>> keysByPosition = new HashMap<>();
    private final Map<KeyValue, Integer> positionById = new HashMap<>();
    private boolean incomplete;

    SecondaryMemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized Integer getPosition(Document document) {
        return positionById.get(id(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // no constraint to check: not unique
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        positionById.put(id(document), position);
        file(document, position);
    }

    @Override
    public synchronized Integer remove(Document document) {
        Integer position = positionById.remove(id(document));
        if (position != null) {
            unfile(position);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // no constraint to check: not unique
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
            MongoCollection<Integer> collection) {
        unfile(position);
        positionById.remove(id(oldDocument));
        positionById.put(id(newDocument), position);
        file(newDocument, position);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return !incomplete && lookups(query) != null;
    }

    /** The positions filed under the queried values, in natural (insertion) order. */
    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        TreeSet<Integer> positions = new TreeSet<>();
        for (KeyValue key : lookups(query)) {
            positions.addAll(positionsByKey.getOrDefault(key, Set.of()));
        }
        return new ArrayList<>(positions);
    }

    @Override
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByKey.clear();
        keysByPosition.clear();
        positionById.clear();
    }

    private void file(Document document, Integer position) {
        Set<KeyValue> keys;
        try {
            keys = getKeyValues(document);
        } catch (RuntimeException e) {
            incomplete = true;
            return;
        }
        keysByPosition.put(position, keys);
        for (KeyValue key : keys) {
            positionsByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(position);
        }
    }

    private void unfile(Integer position) {
        Set<KeyValue> keys = keysByPosition.remove(position);
        if (keys == null) {
            return;
        }
        for (KeyValue key : keys) {
            Set<Integer> positions = positionsByKey.get(key);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByKey.remove(key);
                }
            }
        }
    }

    private static KeyValue id(Document document) {
        return new KeyValue(document.get("_id"));
    }

    /**
     * The index keys the query's equality conditions select (one per combination of queried values), or null
     * when it does not pin every field of the index to plain values.
     */
    List<KeyValue> lookups(Document query) {
        Map<String, Object> equalities = Conjunction.conditions(query);
        List<String> fields = keys();
        if (!equalities.keySet().containsAll(fields)) {
            return null;
        }
        List<Document> probes = new ArrayList<>();
        probes.add(new Document());
        for (String field : fields) {
            Object condition = equalities.get(field);
            List<Object> values = values(condition, fields.size() == 1);
            if (values == null) {
                return null;
            }
            List<Document> next = new ArrayList<>();
            for (Document probe : probes) {
                for (Object value : values) {
                    next.add(with(probe, field, value));
                }
            }
            probes = next;
        }
        List<KeyValue> keys = new ArrayList<>();
        for (Document probe : probes) {
            Set<KeyValue> kv = getKeyValues(probe);
            if (kv.size() != 1) {
                return null;
            }
            keys.addAll(kv);
        }
        return keys;
    }

    /** The values a condition pins a field to, or null when it is not equality to plain values. */
    private static List<Object> values(Object condition, boolean inAllowed) {
        if (condition instanceof Document d && d.size() == 1) {
            if (d.containsKey("$eq")) {
                return plain(d.get("$eq")) ? List.of(d.get("$eq")) : null;
            }
            if (inAllowed && d.get("$in") instanceof Collection<?> in && !in.isEmpty()
                    && in.stream().allMatch(SecondaryMemoryIndex::plain)) {
                return new ArrayList<>(in);
            }
            return null;
        }
        return plain(condition) ? List.of(condition) : null;
    }

    /** Scalars only: no null (it also matches a missing field), arrays, documents or patterns. */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.time.Instant
                || value instanceof java.util.UUID || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

    /** The probe with {@code value} at the (dotted) {@code path}. */
    private static Document with(Document probe, String path, Object value) {
        Document copy = deepCopy(probe);
        String[] parts = path.split("\\.");
        Document at = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            Object inner = at.get(parts[i]);
            Document next;
            if (inner instanceof Document d) {
                next = d;
            } else {
                next = new Document();
                at.put(parts[i], next);
            }
            at = next;
        }
        at.put(parts[parts.length - 1], value);
        return copy;
    }

    private static Document deepCopy(Document d) {
        Document copy = new Document();
        d.forEach((k, v) -> copy.put(k, v instanceof Document inner ? deepCopy(inner) : v));
        return copy;
    }
}
