package io.tierline.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A non-unique (secondary) index for mongo-java-server's memory backend, which otherwise ignores every index
 * that is not unique. Like MongoDB's B-tree index it keeps its keys in order, so it answers what a real index
 * answers: equality (or {@code $in}) on a leading run of its fields, optionally followed by a range
 * ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on the next field ({@link IndexPlan}); and, when the
 * query's sort follows the index's order, it hands out its positions in that order so that a query with a limit
 * stops early ({@link Scan}). Multikey like MongoDB's: a document is filed under each element of an indexed
 * array (such fields never serve a sort).
 *
 * <p>It only narrows the candidates: the collection applies the whole query to each one, so a query answers
 * what the backend would answer by scanning. Should a document ever fail to be filed (parallel arrays in a
 * compound index), the index stops answering queries rather than answer from an incomplete map.
 */
final class SecondaryMemoryIndex extends Index<Integer> {

    private final KeyOrder order;
    private final TreeMap<KeyValue, Set<Integer>> positionsByKey;
    private final Map<Integer, Set<KeyValue>> keysByPosition = new HashMap<>();
    private final Map<KeyValue, Integer> positionById = new HashMap<>();
    private final boolean[] multikey;
    private boolean incomplete;

    SecondaryMemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        order = new KeyOrder(keys.stream().map(IndexKey::isAscending).toList());
        positionsByKey = new TreeMap<>(order);
        multikey = new boolean[keys.size()];
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
        return plan(query) != null;
    }

    /** The positions the query's indexed conditions select, in natural (insertion) order. */
    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        return scan(plan(query), null).naturalOrder();
    }

    /**
     * The candidates of a {@link #plan} of this index: in the order of {@code orderBy} (groups of equal sort keys)
     * when the index can give it, else in no particular order.
     */
    synchronized Scan scan(IndexPlan plan, Document orderBy) {
        int sorted = sortedFields(plan, orderBy);
        boolean reversed = sorted > 0 && reversed(plan.prefix(), orderBy);
        List<Map.Entry<KeyValue, Set<Integer>>> entries = new ArrayList<>();
        for (KeyValue[] bounds : plan.bounds()) {
            NavigableMap<KeyValue, Set<Integer>> span = positionsByKey.subMap(bounds[0], true, bounds[1], true);
            entries.addAll((reversed ? span.descendingMap() : span).entrySet());
        }
        int from = plan.prefix();
        if (sorted > 0 && !plan.singleProbe()) {
            // each probe's span is in sort order; merge them by the sorted fields alone (the probes differ before)
            Comparator<KeyValue> bySort = (a, b) -> {
                for (int i = from; i < from + sorted; i++) {
                    int c = order.compareAt(i, a.get(i), b.get(i));
                    if (c != 0) {
                        return reversed ? -c : c;
                    }
                }
                return 0;
            };
            entries.sort(Map.Entry.comparingByKey(bySort));
        }
        List<List<Integer>> groups = new ArrayList<>();
        KeyValue groupKey = null;
        for (Map.Entry<KeyValue, Set<Integer>> entry : entries) {
            if (groups.isEmpty() || sorted == 0 || !sameSortKey(groupKey, entry.getKey(), from, sorted)) {
                groups.add(new ArrayList<>());
                groupKey = entry.getKey();
            }
            groups.get(groups.size() - 1).addAll(entry.getValue());
        }
        return new Scan(groups, sorted > 0);
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

    /** How the index answers the query, or null when it cannot (or holds an incomplete map). */
    IndexPlan plan(Document query) {
        return incomplete ? null : IndexPlan.of(this, keys(), query);
    }

    private void file(Document document, Integer position) {
        Set<KeyValue> keys;
        try {
            keys = getKeyValues(document);
        } catch (RuntimeException e) {
            incomplete = true;
            return;
        }
        List<String> fields = keys();
        for (int i = 0; i < fields.size(); i++) {
            multikey[i] |= throughArray(document, fields.get(i));
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

    /**
     * How many leading fields of {@code orderBy} the plan's scan gives in order: the index's fields after the
     * equality prefix, all in the index's direction or all against it, never through an array (0: the index
     * cannot give the sort). With several probes their spans are merged in that order.
     */
    synchronized int sortedFields(IndexPlan plan, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return 0;
        }
        int prefix = plan.prefix();
        List<IndexKey> keys = getKeys();
        int n = 0;
        Boolean same = null;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            int field = prefix + n;
            if (field >= keys.size() || !keys.get(field).getKey().equals(sort.getKey()) || multikey[field]
                    || !(sort.getValue() instanceof Number direction)) {
                break;
            }
            boolean sameDirection = (direction.intValue() > 0) == keys.get(field).isAscending();
            if (same != null && same != sameDirection) {
                break;
            }
            same = sameDirection;
            n++;
        }
        return n;
    }

    private boolean reversed(int prefix, Document orderBy) {
        Number direction = (Number) orderBy.values().iterator().next();
        return (direction.intValue() > 0) != getKeys().get(prefix).isAscending();
    }

    private boolean sameSortKey(KeyValue a, KeyValue b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (order.compareAt(i, a.get(i), b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean throughArray(Document document, String path) {
        Object at = document;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Document d)) {
                return false;
            }
            at = d.get(part);
            if (at instanceof Collection<?>) {
                return true;
            }
        }
        return false;
    }

    private static KeyValue id(Document document) {
        return new KeyValue(document.get("_id"));
    }

    /** Whether some document was filed through an array at the index's {@code field}-th field. */
    boolean multikey(int field) {
        return multikey[field];
    }

    KeyOrder order() {
        return order;
    }

    /**
     * The candidates of one query: position groups in index order. With {@code sorted}, the groups follow the
     * query's sort and each holds the positions of equal sort keys; otherwise the order means nothing.
     */
    record Scan(List<List<Integer>> groups, boolean sorted) {

        List<Integer> naturalOrder() {
            TreeSet<Integer> positions = new TreeSet<>();
            groups.forEach(positions::addAll);
            return new ArrayList<>(positions);
        }
    }
}
