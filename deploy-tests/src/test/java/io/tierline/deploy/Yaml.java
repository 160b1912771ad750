package io.tierline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads YAML files (SnakeYAML, safe constructor) and walks the maps they hold. */
final class Yaml {

    private Yaml() {
    }

    /** Every document of a YAML file; comment-only documents are dropped. Throws on a syntax error. */
    static List<Object> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        var yaml = new org.yaml.snakeyaml.Yaml(options);
        try {
            String text = Files.readString(file);
            List<Object> docs = new ArrayList<>();
            yaml.loadAll(text).forEach(d -> {
                if (d != null) {
                    docs.add(d);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single document of a file that must hold one map. */
    static Map<String, Object> single(Path file) {
        List<Object> docs = documents(file);
        if (docs.size() != 1 || !(docs.get(0) instanceof Map)) {
            throw new IllegalArgumentException(file + ": expected one YAML map, found " + docs.size() + " documents");
        }
        return map(docs.get(0));
    }

    /** Every .yml or .yaml file under a folder, sorted. */
    static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    /** The value at a path of map keys and list indexes, or null. */
    static Object at(Object root, Object... path) {
        Object cur = root;
        for (Object step : path) {
            if (step instanceof Integer i) {
                List<Object> l = list(cur);
                cur = i < l.size() ? l.get(i) : null;
            } else {
                cur = map(cur).get(step);
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    static String string(Object root, Object... path) {
        Object v = at(root, path);
        return v == null ? null : Objects.toString(v);
    }
}
