package io.tierline.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Comparator;
import java.util.List;

/**
 * The order of an index's keys: field by field in MongoDB's value order (mongo-java-server's own comparator, so
 * the order a sort gives), each field ascending or descending as the index declares it. {@link #LOW} and
 * {@link #HIGH} sort before and after every value, to bound a range of keys that share a prefix.
 */
final class KeyOrder implements Comparator<KeyValue> {

    static final Object LOW = new Object() {
        @Override
        public String toString() {
            return "LOW";
        }
    };
    static final Object HIGH = new Object() {
        @Override
        public String toString() {
            return "HIGH";
        }
    };

    private final List<Boolean> ascending;

    KeyOrder(List<Boolean> ascending) {
        this.ascending = List.copyOf(ascending);
    }

    boolean ascending(int field) {
        return ascending.get(field);
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        for (int i = 0; i < ascending.size(); i++) {
            int c = compareAt(i, a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    int compareAt(int field, Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == LOW || b == HIGH) {
            return -1;
        }
        if (a == HIGH || b == LOW) {
            return 1;
        }
        int c = ValueComparator.asc().compare(a, b);
        return ascending.get(field) ? c : -c;
    }
}
