package io.tierline.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids. A handler that re-publishes after a retry derives the same id from the same
 * facts (e.g. the id of the event it reacted to and what it did), so downstream consumers see a duplicate,
 * not a second event.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** A name-based UUID of the parts, joined with '|'. */
    public static String derive(Object... parts) {
        var sb = new StringBuilder();
        for (Object p : parts) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(p);
        }
        return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
