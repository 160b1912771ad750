package io.tierline.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How a {@link SecondaryMemoryIndex} answers a query, as MongoDB's planner would use the same index: equality
 * (or {@code $in}) on a leading run of the index's fields ({@code prefix} of them, at least one unless a range
 * takes the first), then at most one range on the next field. Each combination of the pinned values is one
 * probe, a span of keys from {@code bounds[0]} to {@code bounds[1]} (inclusive; the {@link KeyOrder} sentinels
 * make prefix spans and open or exclusive ends). Conditions it does not use stay with the collection, which
 * applies the whole query to every candidate.
 */
record IndexPlan(int prefix, boolean range, List<KeyValue[]> bounds) {

    private static final int MAX_PROBES = 64;

    boolean singleProbe() {
        return bounds.size() == 1;
    }

    /** How selective the plan is likely to be, to choose between indexes: pinned fields count double. */
    int score() {
        return 2 * prefix + (range ? 1 : 0);
    }

    /** The plan for {@code query} on an index of {@code fields}, or null when the index cannot narrow it. */
    static IndexPlan of(SecondaryMemoryIndex index, List<String> fields, Document query) {
        Map<String, Object> conditions = Conjunction.conditions(query);
        List<List<Object>> probes = new ArrayList<>();
        probes.add(new ArrayList<>());
        int prefix = 0;
        Range range = null;
        for (String field : fields) {
            if (!conditions.containsKey(field)) {
                break;
            }
            Object condition = conditions.get(field);
            List<Object> values = equalities(condition);
            if (values != null && probes.size() * values.size() <= MAX_PROBES) {
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> probe : probes) {
                    for (Object value : values) {
                        List<Object> p = new ArrayList<>(probe);
                        p.add(value);
                        next.add(p);
                    }
                }
                probes = next;
                prefix++;
                continue;
            }
            range = values == null ? Range.of(condition) : null;
            if (range != null) {
                range = range.bracketed();
            }
            break;
        }
        if (range != null && range.lower != null && range.upper != null && index.multikey(prefix)) {
            // an array matches when one element is above the lower bound and another below the upper one: an
            // element need not lie between them, so only one bound may narrow (as MongoDB does for multikey)
            range = new Range(range.lower, range.lowerIncluded, null, false);
        }
        if (prefix == 0 && range == null) {
            return null;
        }
        KeyOrder order = index.order();
        List<KeyValue[]> bounds = new ArrayList<>();
        for (List<Object> probe : probes) {
            KeyValue[] span = span(order, fields.size(), probe, range);
            if (order.compare(span[0], span[1]) <= 0) {
                bounds.add(span);
            }
        }
        return new IndexPlan(prefix, range != null, bounds);
    }

    /** The first and last key of the probe's span in index order. */
    private static KeyValue[] span(KeyOrder order, int size, List<Object> probe, Range range) {
        List<Object> first = new ArrayList<>(probe);
        List<Object> last = new ArrayList<>(probe);
        Object firstFill = KeyOrder.LOW;
        Object lastFill = KeyOrder.HIGH;
        if (range != null) {
            boolean asc = order.ascending(probe.size());
            Object from = asc ? range.lower : range.upper;
            boolean fromIncluded = asc ? range.lowerIncluded : range.upperIncluded;
            Object to = asc ? range.upper : range.lower;
            boolean toIncluded = asc ? range.upperIncluded : range.lowerIncluded;
            first.add(from == null ? KeyOrder.LOW : from);
            firstFill = from == null || fromIncluded ? KeyOrder.LOW : KeyOrder.HIGH;
            last.add(to == null ? KeyOrder.HIGH : to);
            lastFill = to == null || toIncluded ? KeyOrder.HIGH : KeyOrder.LOW;
        }
        while (first.size() < size) {
            first.add(firstFill);
            last.add(lastFill);
        }
        return new KeyValue[] {new KeyValue(first), new KeyValue(last)};
    }

    /** The values an equality condition pins the field to, or null when it is not equality to plain values. */
    private static List<Object> equalities(Object condition) {
        if (condition instanceof Document d && d.size() == 1) {
            if (d.containsKey("$eq")) {
                return plain(d.get("$eq")) ? List.of(d.get("$eq")) : null;
            }
            if (d.get("$in") instanceof Collection<?> in && !in.isEmpty()
                    && in.stream().allMatch(IndexPlan::plain)) {
                return new ArrayList<>(in);
            }
            return null;
        }
        return plain(condition) ? List.of(condition) : null;
    }

    /** Scalars only: no null (it also matches a missing field), arrays, documents or patterns. */
    static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.time.Instant
                || value instanceof java.util.UUID || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

    /** A range condition's bounds (null: open), from {@code $gt}, {@code $gte}, {@code $lt} and {@code $lte}. */
    private record Range(Object lower, boolean lowerIncluded, Object upper, boolean upperIncluded) {

        static Range of(Object condition) {
            if (!(condition instanceof Document d)) {
                return null;
            }
            Object lower = null;
            boolean lowerIncluded = false;
            Object upper = null;
            boolean upperIncluded = false;
            for (Map.Entry<String, Object> op : d.entrySet()) {
                if (!op.getKey().startsWith("$")) {
                    return null;
                }
                if (!plain(op.getValue())) {
                    continue;
                }
                switch (op.getKey()) {
                    case "$gt" -> {
                        lower = op.getValue();
                        lowerIncluded = false;
                    }
                    case "$gte" -> {
                        lower = op.getValue();
                        lowerIncluded = true;
                    }
                    case "$lt" -> {
                        upper = op.getValue();
                        upperIncluded = false;
                    }
                    case "$lte" -> {
                        upper = op.getValue();
                        upperIncluded = true;
                    }
                    default -> {
                        // other operators stay with the collection
                    }
                }
            }
            return lower == null && upper == null ? null : new Range(lower, lowerIncluded, upper, upperIncluded);
        }

        /**
         * With an open end, the range kept to its bound's type, as MongoDB brackets ranges by type: {@code $lte}
         * a date matches dates only, never a missing or null field (which sort first). Dates only: that is where
         * the difference is large (timestamps set on some documents and not on others).
         */
        Range bracketed() {
            if (lower == null && isDate(upper)) {
                return new Range(java.time.Instant.MIN, true, upper, upperIncluded);
            }
            if (upper == null && isDate(lower)) {
                return new Range(lower, lowerIncluded, java.time.Instant.MAX, true);
            }
            return this;
        }

        private static boolean isDate(Object value) {
            return value instanceof java.time.Instant || value instanceof java.util.Date;
        }
    }
}
