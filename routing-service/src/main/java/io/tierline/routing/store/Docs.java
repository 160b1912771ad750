package io.tierline.routing.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Small conversions between domain values and BSON. */
final class Docs {
    private Docs() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static int integer(Document doc, String field) {
        Number n = doc.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    static long longValue(Document doc, String field) {
        Number n = doc.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static List<String> strings(Document doc, String field) {
        List<String> list = doc.getList(field, String.class);
        return list == null ? List.of() : list;
    }

    static List<Document> documents(Document doc, String field) {
        List<Document> list = doc.getList(field, Document.class);
        return list == null ? List.of() : list;
    }

    static Document sub(Document doc, String field) {
        return doc.get(field, Document.class);
    }

    static Map<String, Integer> intMap(Document doc) {
        Map<String, Integer> map = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((k, v) -> map.put(k, ((Number) v).intValue()));
        }
        return map;
    }

    static Map<String, String> stringMap(Document doc) {
        Map<String, String> map = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((k, v) -> map.put(k, String.valueOf(v)));
        }
        return map;
    }

    static Document document(Map<String, ?> map) {
        Document doc = new Document();
        new java.util.TreeMap<>(map).forEach(doc::append);
        return doc;
    }

    static <T> List<T> list(Iterable<T> iterable) {
        List<T> list = new ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    static boolean duplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
