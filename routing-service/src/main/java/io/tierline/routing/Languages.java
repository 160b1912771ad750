package io.tierline.routing;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** BCP 47 tags compare case-insensitively: matching uses lower-case keys. */
public final class Languages {
    private Languages() {
    }

    public static String key(String tag) {
        return tag == null ? null : tag.trim().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys(Collection<String> tags) {
        return tags.stream().map(Languages::key).distinct().toList();
    }
}
