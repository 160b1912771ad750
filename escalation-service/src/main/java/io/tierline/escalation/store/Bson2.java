package io.tierline.escalation.store;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Small conversions between BSON values and Java types; nulls stay out of documents. */
final class Bson2 {
    private Bson2() {
    }

    static void put(Document doc, String key, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            doc.append(key, Date.from(instant));
        } else if (value instanceof Enum<?> e) {
            doc.append(key, e.name());
        } else {
            doc.append(key, value);
        }
    }

    static Instant instant(Document doc, String key) {
        Date date = doc.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static int intValue(Document doc, String key) {
        Object value = doc.get(key);
        return value instanceof Number n ? n.intValue() : 0;
    }

    static long longValue(Document doc, String key) {
        Object value = doc.get(key);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    static <E extends Enum<E>> E enumValue(Document doc, String key, Class<E> type) {
        String value = doc.getString(key);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
