package io.tierline.intake.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small stop-word language detector for contacts whose gateway sent no language. It knows English (en),
 * German (de), French (fr), Spanish (es), Portuguese (pt), Italian (it) and Dutch (nl): for each it counts the
 * words of the text that are among that language's most common function words. The best language wins if it
 * has at least {@value #MIN_HITS} such words and at least {@value #MIN_LEAD} times as many as the runner-up
 * (confidence {@code 1 - runnerUp/best} of at least 1/3); otherwise the detector does not know and the
 * default language applies. Short texts ("hello", "ok thanks") are therefore left to the default.
 */
public class LanguageDetector {

    static final int MIN_HITS = 2;
    static final double MIN_LEAD = 1.5;

    private static final Map<String, Set<String>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("en", Set.of("the", "and", "is", "are", "was", "were", "of", "to", "in", "it", "that", "this",
                "with", "for", "you", "my", "i", "have", "has", "not", "be", "on", "at", "from", "what", "where",
                "when", "why", "how", "can", "could", "would", "will", "please", "your", "me", "we", "our", "they",
                "an", "or", "but", "if", "there", "been", "do", "does", "did", "am", "should", "which", "any"));
        PROFILES.put("de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "sie", "es", "ein", "eine",
                "einen", "mit", "auf", "für", "von", "zu", "den", "dem", "des", "mein", "meine", "meinen", "wir",
                "ihr", "bitte", "wie", "warum", "wo", "wann", "habe", "hat", "haben", "noch", "auch", "aber", "oder",
                "kann", "können", "wurde", "wird", "sind", "war", "bei", "nach", "aus", "im", "mir", "mich", "kein",
                "keine", "schon"));
        PROFILES.put("fr", Set.of("le", "la", "les", "et", "est", "un", "une", "des", "du", "je", "vous", "il",
                "elle", "nous", "pas", "ne", "que", "qui", "pour", "dans", "sur", "avec", "mon", "ma", "mes", "ce",
                "cette", "au", "aux", "sont", "ai", "avez", "pourquoi", "où", "quand", "comment", "merci", "toujours",
                "mais", "ou", "été", "suis", "votre", "vos", "plus", "encore", "très", "j", "n", "c", "l", "d", "qu"));
        PROFILES.put("es", Set.of("el", "la", "los", "las", "y", "es", "un", "una", "unos", "de", "del", "que",
                "en", "por", "para", "con", "no", "mi", "mis", "yo", "usted", "su", "pero", "cuando", "dónde",
                "donde", "cómo", "como", "qué", "porque", "está", "están", "estoy", "he", "ha", "han", "tengo",
                "todavía", "gracias", "muy", "lo", "le", "se", "al", "hay", "sido", "mí", "nuestro", "ya", "también"));
        PROFILES.put("pt", Set.of("o", "a", "os", "as", "e", "é", "um", "uma", "de", "do", "da", "dos", "das",
                "que", "em", "no", "na", "nos", "nas", "por", "para", "com", "não", "meu", "minha", "eu", "você",
                "seu", "sua", "mas", "quando", "onde", "como", "porque", "está", "estou", "tenho", "ainda",
                "obrigado", "obrigada", "muito", "foi", "ao", "já", "também", "isso", "ele", "ela", "pelo", "pela"));
        PROFILES.put("it", Set.of("il", "lo", "la", "i", "gli", "le", "e", "è", "un", "una", "di", "del", "della",
                "che", "in", "per", "con", "non", "mio", "mia", "io", "lei", "suo", "ma", "quando", "dove", "come",
                "perché", "sono", "ho", "ha", "hanno", "ancora", "grazie", "molto", "al", "alla", "nel", "nella",
                "anche", "questo", "questa", "mi", "ci", "si", "stato", "stata", "degli", "dei"));
        PROFILES.put("nl", Set.of("de", "het", "een", "en", "is", "niet", "ik", "je", "u", "uw", "mijn", "wij",
                "we", "van", "op", "voor", "met", "dat", "die", "dit", "te", "zijn", "heb", "heeft", "hebben", "maar",
                "wanneer", "waar", "hoe", "waarom", "nog", "ook", "al", "geen", "kan", "kunt", "was", "werd", "wordt",
                "naar", "bij", "om", "er", "graag", "bedankt", "mij", "ons", "jullie", "mijnheer", "alstublieft"));
    }

    /** The languages it knows, as BCP 47 tags. */
    public static List<String> languages() {
        return List.copyOf(PROFILES.keySet());
    }

    /** The language of the text, or empty when it is not confident. */
    public Optional<String> detect(String text) {
        List<String> words = Words.of(text);
        String best = null;
        int bestHits = 0;
        int runnerUp = 0;
        for (var profile : PROFILES.entrySet()) {
            int hits = 0;
            for (String word : words) {
                if (profile.getValue().contains(word)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                runnerUp = bestHits;
                bestHits = hits;
                best = profile.getKey();
            } else if (hits > runnerUp) {
                runnerUp = hits;
            }
        }
        if (bestHits < MIN_HITS || bestHits < MIN_LEAD * runnerUp) {
            return Optional.empty();
        }
        return Optional.of(best);
    }
}
