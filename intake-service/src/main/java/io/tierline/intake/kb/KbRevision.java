package io.tierline.intake.kb;

/**
 * An article's state at one version: the article, or a deletion (tombstone) when {@code article} is null.
 * The index applies a revision only when it is newer than the one it has for that id.
 */
public record KbRevision(String id, long version, KbArticle article) {

    public static KbRevision of(KbArticle article) {
        return new KbRevision(article.id(), article.version(), article);
    }

    public static KbRevision deleted(String id, long version) {
        return new KbRevision(id, version, null);
    }

    /** Whether the article should be found by a search: it exists and is published. */
    public boolean searchable() {
        return article != null && article.published();
    }
}
