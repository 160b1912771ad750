package io.tierline.intake.kb.store;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An article in collection {@code kb-articles} of database {@code tierline-intake}; {@code _id} is the article
 * id. A deleted article stays as a tombstone ({@code deleted}, its version raised) so that every instance's
 * index learns of the deletion by comparing versions. {@code channels} holds channel names.
 */
public record KbArticleDocument(
        @BsonId String id,
        String title,
        String body,
        String language,
        List<String> categories,
        List<String> tags,
        List<String> channels,
        Boolean published,
        Long version,
        Instant updatedAt,
        Boolean deleted) {

    /** Field names used in filters, updates and indexes. */
    public static final String ID = "_id";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String LANGUAGE = "language";
    public static final String CATEGORIES = "categories";
    public static final String TAGS = "tags";
    public static final String CHANNELS = "channels";
    public static final String PUBLISHED = "published";
    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";
    public static final String DELETED = "deleted";

    @Override
    public String toString() {
        return "KbArticleDocument[id=" + id + ", version=" + version + ", deleted=" + deleted + "]";
    }
}
