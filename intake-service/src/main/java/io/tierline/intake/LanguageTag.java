package io.tierline.intake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of a BCP 47 language tag as gateways send it: a 2-3 letter language, an optional 4-letter
 * script, an optional region (2 letters or 3 digits) and optional variants, e.g. {@code en}, {@code en-GB},
 * {@code pt-BR}, {@code zh-Hant-TW}, {@code es-419}.
 */
public final class LanguageTag {

    /** The accepted shape, case-insensitive (usable in {@code @Pattern}). */
    public static final String PATTERN =
            "(?i)[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private LanguageTag() {
    }

    public static boolean isValid(String tag) {
        return tag != null && COMPILED.matcher(tag).matches();
    }

    /** The tag in its conventional case ({@code EN-gb} -> {@code en-GB}); null stays null. */
    public static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        if (!isValid(tag)) {
            throw new IllegalArgumentException("not a BCP 47 language tag: " + tag);
        }
        String[] parts = tag.split("-");
        var sb = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            sb.append('-');
            if (part.length() == 4 && Character.isLetter(part.charAt(0)) && i == 1) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
            } else if (part.length() == 2) {
                sb.append(part.toUpperCase(Locale.ROOT));
            } else {
                sb.append(part.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }
}
