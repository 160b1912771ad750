package io.tierline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys a service's {@code @ConfigMapping} interfaces define, read from the source: a setting without a value in
 * application.properties (an {@code Optional} such as a signing secret) is still a real key. Nested interfaces
 * are groups, {@code Map<String, Group>} adds a {@code <name>} segment; method names become kebab-case.
 */
final class ConfigMappingKeys {

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "(?:@WithName\\(\\s*\"([^\"]+)\"\\s*\\)\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*([\\w.]+(?:<[^;()]*>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern MAP_OF = Pattern.compile("Map<\\s*\\w+\\s*,\\s*(\\w+)\\s*>");

    private ConfigMappingKeys() {
    }

    static Set<String> under(Path sourceRoot) {
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(sourceRoot)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = stripComments(Files.readString(f));
                Matcher prefix = PREFIX.matcher(text);
                if (prefix.find()) {
                    Map<String, String> bodies = interfaceBodies(text);
                    Matcher first = INTERFACE.matcher(text);
                    if (first.find(prefix.end())) {
                        collect(first.group(1), prefix.group(1), bodies, keys, 0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void collect(String iface, String prefix, Map<String, String> bodies, Set<String> keys, int depth) {
        if (depth > 8) {
            return;
        }
        Matcher m = METHOD.matcher(withoutBlocks(bodies.getOrDefault(iface, "")));
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : kebab(m.group(3));
            String type = m.group(2);
            Matcher map = MAP_OF.matcher(type);
            String key = prefix + "." + name;
            if (bodies.containsKey(type)) {
                collect(type, key, bodies, keys, depth + 1);
            } else if (map.find() && bodies.containsKey(map.group(1))) {
                collect(map.group(1), key + ".<name>", bodies, keys, depth + 1);
            } else {
                keys.add(map.find(0) ? key + ".<name>" : key);
            }
        }
    }

    /** Interface name -> the text between its braces. */
    private static Map<String, String> interfaceBodies(String text) {
        Map<String, String> bodies = new HashMap<>();
        Matcher m = INTERFACE.matcher(text);
        while (m.find()) {
            int end = closing(text, m.end() - 1);
            bodies.put(m.group(1), text.substring(m.end(), end));
        }
        return bodies;
    }

    /** The text with every nested {...} block removed (nested interfaces, default method bodies). */
    private static String withoutBlocks(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                out.append(' ');
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
