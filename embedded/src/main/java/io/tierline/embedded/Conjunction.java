package io.tierline.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions a query requires of every match: its top-level fields and those of its top-level {@code $and}
 * (nested), each with the first condition given for it. {@code $or}, {@code $nor} and the like are never looked
 * into, since none of their branches is required.
 */
final class Conjunction {

    private Conjunction() {
    }

    static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        collect(query, conditions);
        return conditions;
    }

    private static void collect(Document query, Map<String, Object> conditions) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            if (field.equals("$and") && condition.getValue() instanceof List<?> terms) {
                for (Object term : terms) {
                    if (term instanceof Document d) {
                        collect(d, conditions);
                    }
                }
            } else if (!field.startsWith("$")) {
                conditions.putIfAbsent(field, condition.getValue());
            }
        }
    }
}
