package io.tierline.intake.kb;

import java.util.Set;

/** A short excerpt of an article's body around the first word that matched the query. */
final class Snippets {

    static final String ELLIPSIS = "…";

    private Snippets() {
    }

    /**
     * @param terms the query's analysed terms; the excerpt starts a little before the first body token that
     *              is one of them, or at the beginning when none is (a title or tag match)
     * @return at most {@code length} characters of the body (plus ellipses), cut at word boundaries, with runs
     *         of white space collapsed
     */
    static String of(KbAnalyzers analyzers, String key, String body, Set<String> terms, int length) {
        int match = terms.isEmpty() ? -1 : analyzers.firstOffsetOf(key, body, terms);
        int start = match <= 0 ? 0 : wordStartAtOrBefore(body, Math.max(0, match - length / 4));
        int end = Math.min(body.length(), start + length);
        if (end < body.length()) {
            int space = lastWhitespace(body, end, start);
            if (space > start) {
                end = space;
            }
        }
        String text = body.substring(start, end).strip().replaceAll("\\s+", " ");
        return (start > 0 ? ELLIPSIS : "") + text + (end < body.length() ? ELLIPSIS : "");
    }

    private static int wordStartAtOrBefore(String body, int at) {
        int space = lastWhitespace(body, at, -1);
        return space < 0 ? 0 : space + 1;
    }

    /** The last white space at or before {@code from} and after {@code floor}, or -1. */
    private static int lastWhitespace(String body, int from, int floor) {
        for (int i = Math.min(from, body.length() - 1); i > floor; i--) {
            if (Character.isWhitespace(body.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
