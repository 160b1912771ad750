package io.tierline.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

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
    /** Index entries queries have read so far: what reading in order and stopping at the limit saves shows here. */
    private final AtomicLong entriesRead = new AtomicLong();

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
        Set<KeyValue> before = keysByPosition.get(position);
        if (before != null && id(oldDocument).equals(id(newDocument))) {
            Set<KeyValue> after = keysOf(newDocument);
            if (before.equals(after)) {
                // most updates leave the indexed fields alone: the entries stay where they are
                noteArrays(newDocument);
                return;
            }
        }
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
        List<Iterable<Map.Entry<KeyValue, Set<Integer>>>> spans = new ArrayList<>();
        for (KeyValue[] bounds : plan.bounds()) {
            NavigableMap<KeyValue, Set<Integer>> span = positionsByKey.subMap(bounds[0], true, bounds[1], true);
            spans.add((reversed ? span.descendingMap() : span).entrySet());
        }
        int from = plan.prefix();
        Comparator<KeyValue> bySort = (a, b) -> {
            for (int i = from; i < from + sorted; i++) {
                int c = order.compareAt(i, a.get(i), b.get(i));
                if (c != 0) {
                    return reversed ? -c : c;
                }
            }
            return 0;
        };
        // each probe's span is in sort order; with several, they are merged by the sorted fields alone
        Iterable<Map.Entry<KeyValue, Set<Integer>>> entries = sorted > 0 && !plan.singleProbe()
                ? () -> new MergedSpans(spans, bySort) : () -> new ConcatenatedSpans(spans.iterator());
        return new Scan(() -> new Groups(entries.iterator(), sorted == 0 ? null : bySort), sorted > 0);
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

    /** The document's index keys, or null (and the index stops answering) when it cannot be filed. */
    private Set<KeyValue> keysOf(Document document) {
        try {
            return getKeyValues(document);
        } catch (RuntimeException e) {
            incomplete = true;
            return null;
        }
    }

    private void noteArrays(Document document) {
        List<String> fields = keys();
        for (int i = 0; i < fields.size(); i++) {
            multikey[i] |= throughArray(document, fields.get(i));
        }
    }

    private void file(Document document, Integer position) {
        Set<KeyValue> keys = keysOf(document);
        if (keys == null) {
            return;
        }
        noteArrays(document);
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

    long entriesRead() {
        return entriesRead.get();
    }

    KeyOrder order() {
        return order;
    }

    /**
     * The candidates of one query: position groups in index order, read from the index as they are asked for (a
     * query with a limit stops early). With {@code sorted}, the groups follow the query's sort and each holds the
     * positions of equal sort keys; otherwise the order means nothing. Valid only while the collection's lock is
     * held: it reads the live index.
     */
    record Scan(Iterable<List<Integer>> groups, boolean sorted) {

        List<Integer> naturalOrder() {
            TreeSet<Integer> positions = new TreeSet<>();
            groups.forEach(positions::addAll);
            return new ArrayList<>(positions);
        }
    }

    /** Index entries as position groups: one per entry, or (with a sort order) one per run of equal sort keys. */
    private final class Groups implements Iterator<List<Integer>> {

        private final Iterator<Map.Entry<KeyValue, Set<Integer>>> entries;
        private final Comparator<KeyValue> bySort;
        private Map.Entry<KeyValue, Set<Integer>> next;

        Groups(Iterator<Map.Entry<KeyValue, Set<Integer>>> entries, Comparator<KeyValue> bySort) {
            this.entries = entries;
            this.bySort = bySort;
            next = read();
        }

        private Map.Entry<KeyValue, Set<Integer>> read() {
            if (!entries.hasNext()) {
                return null;
            }
            entriesRead.incrementAndGet();
            return entries.next();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<Integer> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            KeyValue groupKey = next.getKey();
            List<Integer> group = new ArrayList<>(next.getValue());
            next = read();
            while (next != null && bySort != null && bySort.compare(groupKey, next.getKey()) == 0) {
                group.addAll(next.getValue());
                next = read();
            }
            return group;
        }
    }

    /** Spans one after the other (a stream's flatMap would read each whole span ahead). */
    private static final class ConcatenatedSpans implements Iterator<Map.Entry<KeyValue, Set<Integer>>> {

        private final Iterator<Iterable<Map.Entry<KeyValue, Set<Integer>>>> spans;
        private Iterator<Map.Entry<KeyValue, Set<Integer>>> current = Collections.emptyIterator();

        ConcatenatedSpans(Iterator<Iterable<Map.Entry<KeyValue, Set<Integer>>>> spans) {
            this.spans = spans;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && spans.hasNext()) {
                current = spans.next().iterator();
            }
            return current.hasNext();
        }

        @Override
        public Map.Entry<KeyValue, Set<Integer>> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    /** Several spans, each in sort order, merged into one sort order. */
    private static final class MergedSpans implements Iterator<Map.Entry<KeyValue, Set<Integer>>> {

        private record Head(Map.Entry<KeyValue, Set<Integer>> entry, Iterator<Map.Entry<KeyValue, Set<Integer>>> rest) {
        }

        private final PriorityQueue<Head> heads;

        MergedSpans(List<Iterable<Map.Entry<KeyValue, Set<Integer>>>> spans, Comparator<KeyValue> bySort) {
            heads = new PriorityQueue<>(Math.max(1, spans.size()),
                    (a, b) -> bySort.compare(a.entry().getKey(), b.entry().getKey()));
            for (Iterable<Map.Entry<KeyValue, Set<Integer>>> span : spans) {
                advance(span.iterator());
            }
        }

        private void advance(Iterator<Map.Entry<KeyValue, Set<Integer>>> span) {
            if (span.hasNext()) {
                heads.add(new Head(span.next(), span));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Map.Entry<KeyValue, Set<Integer>> next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.rest());
            return head.entry();
        }
    }
}
