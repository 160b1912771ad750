package io.tierline.identity;

import java.util.Collection;

/** The little JSON a token's claims need: strings and arrays of strings. */
final class Json {

    private Json() {
    }

    static String strings(Collection<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (String value : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(string(value));
        }
        return sb.append(']').toString();
    }

    static String string(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
