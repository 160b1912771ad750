package io.tierline.intake.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One Lucene analyser per language the intake's language detector knows (stemming and stop words), and the
 * standard analyser (lower-casing, no stemming, no stop words) for every other language. Each language's
 * articles are indexed in fields of their own ({@code title_de}, {@code body_de}, ...), so a field is always
 * analysed the same way at index and at query time.
 */
public final class KbAnalyzers implements AutoCloseable {

    /** The languages with a stemming analyser of their own. */
    public static final List<String> STEMMED = List.of("en", "de", "fr", "es", "pt", "it", "nl");
    /** The analyser key of every other language. */
    public static final String STANDARD = "std";

    private final Map<String, Analyzer> byKey = new LinkedHashMap<>();
    private final PerFieldAnalyzerWrapper perField;

    public KbAnalyzers() {
        byKey.put("en", new EnglishAnalyzer());
        byKey.put("de", new GermanAnalyzer());
        byKey.put("fr", new FrenchAnalyzer());
        byKey.put("es", new SpanishAnalyzer());
        byKey.put("pt", new PortugueseAnalyzer());
        byKey.put("it", new ItalianAnalyzer());
        byKey.put("nl", new DutchAnalyzer());
        byKey.put(STANDARD, new StandardAnalyzer());
        Map<String, Analyzer> fields = new HashMap<>();
        byKey.forEach((key, analyzer) -> KbFields.text(key).forEach(field -> fields.put(field, analyzer)));
        perField = new PerFieldAnalyzerWrapper(byKey.get(STANDARD), fields);
    }

    /** The analyser key of a language: the language itself if it has a stemming analyser, else {@link #STANDARD}. */
    public static String keyOf(String language) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return STEMMED.contains(lang) ? lang : STANDARD;
    }

    /** Every analyser key: the stemmed languages and {@link #STANDARD}. */
    public Set<String> keys() {
        return byKey.keySet();
    }

    public Analyzer forKey(String key) {
        return byKey.get(key);
    }

    /** The analyser for the index writer: by field name. */
    Analyzer perField() {
        return perField;
    }

    /** The distinct terms the analyser of {@code key} makes of {@code text}, in order, at most {@code max}. */
    public List<String> terms(String key, String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        forEachToken(key, text, (term, offset) -> {
            terms.add(term);
            return terms.size() < max;
        });
        return new ArrayList<>(terms);
    }

    /** The start offset in {@code text} of the first token whose term is one of {@code terms}, or -1. */
    int firstOffsetOf(String key, String text, Set<String> terms) {
        int[] found = {-1};
        forEachToken(key, text, (term, offset) -> {
            if (terms.contains(term)) {
                found[0] = offset;
                return false;
            }
            return true;
        });
        return found[0];
    }

    /** Receives each token's term and start offset; answers whether to go on. */
    private interface TokenVisitor {
        boolean visit(String term, int startOffset);
    }

    private void forEachToken(String key, String text, TokenVisitor visitor) {
        try (TokenStream tokens = forKey(key).tokenStream(KbFields.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            boolean more = true;
            while (more && tokens.incrementToken()) {
                more = visitor.visit(term.toString(), offset.startOffset());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text failed", e);
        }
    }

    @Override
    public void close() {
        byKey.values().forEach(Analyzer::close);
        perField.close();
    }
}
