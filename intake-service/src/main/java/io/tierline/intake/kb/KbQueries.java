package io.tierline.intake.kb;

import static io.tierline.intake.kb.KbFields.BODY;
import static io.tierline.intake.kb.KbFields.TAGS;
import static io.tierline.intake.kb.KbFields.TITLE;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query of a {@link KbSearchQuery} programmatically: the text is run through each
 * language's analyser (so query syntax such as {@code "AND ( *} is just text) and every resulting term is
 * looked for in the title (boosted), the tags and the body of that language's articles; language, category
 * and channel are filters that do not change the score.
 */
final class KbQueries {

    /** Lucene refuses queries of more than 1024 clauses; the terms per field are capped to stay below. */
    static final int CLAUSE_BUDGET = 900;
    static final float TAGS_BOOST = 1.5f;

    /** The query, or null when the text has no searchable term; and per analyser key the terms looked for. */
    record Built(Query query, Map<String, Set<String>> termsByKey) {
    }

    private final KbAnalyzers analyzers;
    private final float titleBoost;

    KbQueries(KbAnalyzers analyzers, float titleBoost) {
        this.analyzers = analyzers;
        this.titleBoost = titleBoost;
    }

    Built build(KbSearchQuery search) {
        List<String> keys = search.language() == null ? List.copyOf(analyzers.keys())
                : List.of(KbAnalyzers.keyOf(search.language()));
        int maxTerms = Math.max(1, CLAUSE_BUDGET / (3 * keys.size()));
        var text = new BooleanQuery.Builder();
        Map<String, Set<String>> termsByKey = new HashMap<>();
        for (String key : keys) {
            List<String> terms = analyzers.terms(key, search.text() == null ? "" : search.text(), maxTerms);
            if (terms.isEmpty()) {
                continue;
            }
            termsByKey.put(key, new LinkedHashSet<>(terms));
            text.add(new BoostQuery(anyTerm(KbFields.text(TITLE, key), terms), titleBoost), Occur.SHOULD);
            text.add(new BoostQuery(anyTerm(KbFields.text(TAGS, key), terms), TAGS_BOOST), Occur.SHOULD);
            text.add(anyTerm(KbFields.text(BODY, key), terms), Occur.SHOULD);
        }
        if (termsByKey.isEmpty()) {
            return new Built(null, Map.of());
        }
        var query = new BooleanQuery.Builder().add(text.build(), Occur.MUST);
        if (search.language() != null) {
            query.add(term(KbFields.LANGUAGE, search.language()), Occur.FILTER);
        }
        if (search.category() != null) {
            query.add(term(KbFields.CATEGORY, search.category()), Occur.FILTER);
        }
        if (search.channel() != null) {
            query.add(new BooleanQuery.Builder()
                    .add(term(KbFields.CHANNEL, search.channel().name()), Occur.SHOULD)
                    .add(term(KbFields.CHANNEL, KbFields.ANY_CHANNEL), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        return new Built(query.build(), termsByKey);
    }

    private static Query anyTerm(String field, List<String> terms) {
        var any = new BooleanQuery.Builder();
        terms.forEach(t -> any.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return any.build();
    }

    /** A filter on a keyword field; languages and categories are kept in lower case. */
    private static Query term(String field, String value) {
        String normalised = field.equals(KbFields.CHANNEL) ? value : value.trim().toLowerCase(Locale.ROOT);
        return new TermQuery(new Term(field, normalised));
    }
}
