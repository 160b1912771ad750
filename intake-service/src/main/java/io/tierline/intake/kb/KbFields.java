package io.tierline.intake.kb;

import java.util.List;

/** The Lucene field names of an indexed article. */
final class KbFields {

    static final String ID = "id";
    static final String LANGUAGE = "language";
    static final String CATEGORY = "category";
    static final String CHANNEL = "channel";
    /** The channel term of an article for every channel. */
    static final String ANY_CHANNEL = "*";
    static final String TITLE = "title";
    static final String TAGS = "tags";
    static final String BODY = "body";

    private KbFields() {
    }

    /** The analysed field of {@code base} ({@link #TITLE}, {@link #TAGS}, {@link #BODY}) for an analyser key. */
    static String text(String base, String key) {
        return base + "_" + key;
    }

    /** The analysed fields of an analyser key. */
    static List<String> text(String key) {
        return List.of(text(TITLE, key), text(TAGS, key), text(BODY, key));
    }
}
