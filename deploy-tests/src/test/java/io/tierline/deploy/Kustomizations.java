package io.tierline.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kustomize trees: every {@code resources:} entry exists, every manifest file is referenced by a kustomization,
 * and every inline JSON 6902 patch targets objects that exist and paths they have.
 */
final class Kustomizations {

    private Kustomizations() {
    }

    static boolean isKustomization(Path file) {
        String n = file.getFileName().toString();
        return n.equals("kustomization.yaml") || n.equals("kustomization.yml");
    }

    static List<String> problems(Path kubernetesDir) {
        List<String> problems = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        List<Path> kustomizations = Yaml.filesUnder(kubernetesDir).stream().filter(Kustomizations::isKustomization).toList();
        if (kustomizations.isEmpty()) {
            problems.add(kubernetesDir + ": no kustomization.yaml");
        }
        for (Path k : kustomizations) {
            for (Object entry : Yaml.list(Yaml.single(k).get("resources"))) {
                Path target = k.getParent().resolve(String.valueOf(entry)).normalize();
                if (Files.isRegularFile(target)) {
                    referenced.add(target);
                } else if (!Files.isDirectory(target) || kustomizationIn(target) == null) {
                    problems.add(rel(kubernetesDir, k) + ": resource " + entry + " does not exist");
                }
            }
            render(k, kubernetesDir, problems);
        }
        for (Path f : Yaml.filesUnder(kubernetesDir)) {
            if (!isKustomization(f) && !referenced.contains(f.normalize())) {
                problems.add(rel(kubernetesDir, f) + ": not referenced by any kustomization.yaml");
            }
        }
        return problems;
    }

    /** The objects a kustomization builds: its resources (rendered recursively), patched, in its namespace. */
    static List<KubeObject> render(Path kustomization) {
        List<String> problems = new ArrayList<>();
        List<KubeObject> rendered = render(kustomization, kustomization.getParent(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return rendered;
    }

    private static List<KubeObject> render(Path k, Path kubernetesDir, List<String> problems) {
        Map<String, Object> spec = Yaml.single(k);
        List<KubeObject> all = new ArrayList<>();
        for (Object entry : Yaml.list(spec.get("resources"))) {
            Path target = k.getParent().resolve(String.valueOf(entry)).normalize();
            if (Files.isRegularFile(target)) {
                Yaml.documents(target).forEach(d -> all.add(new KubeObject(target, Yaml.map(d))));
            } else if (Files.isDirectory(target) && kustomizationIn(target) != null) {
                all.addAll(render(kustomizationIn(target), kubernetesDir, problems));
            }
        }
        for (Object p : Yaml.list(spec.get("patches"))) {
            patch(Yaml.map(p), all, rel(kubernetesDir, k), problems);
        }
        if (spec.get("namespace") instanceof String namespace) {
            all.stream().filter(o -> !"Namespace".equals(o.kind()))
                    .forEach(o -> Yaml.map(o.body().get("metadata")).put("namespace", namespace));
        }
        return all;
    }

    private static void patch(Map<String, Object> patch, List<KubeObject> objects, String where, List<String> problems) {
        String kind = Yaml.string(patch, "target", "kind");
        String name = Yaml.string(patch, "target", "name");
        List<KubeObject> targets = objects.stream()
                .filter(o -> kind == null || kind.equals(o.kind()))
                .filter(o -> name == null || name.equals(o.name())).toList();
        String what = where + ": patch on " + kind + "/" + (name == null ? "*" : name);
        if (targets.isEmpty()) {
            problems.add(what + " matches no object");
            return;
        }
        if (!(patch.get("patch") instanceof String ops)) {
            problems.add(what + ": only inline JSON 6902 patches are used here");
            return;
        }
        for (Object op : Yaml.list(new org.yaml.snakeyaml.Yaml().load(ops))) {
            String path = Yaml.string(op, "path");
            String verb = Yaml.string(op, "op");
            for (KubeObject t : targets) {
                if (!apply(t.body(), verb, path, Yaml.at(op, "value"))) {
                    problems.add(what + ": " + verb + " " + path + " does not exist in " + t);
                }
            }
        }
    }

    /** Applies one JSON 6902 "replace" or "add" operation; false if its path (for "add": its parent) is missing. */
    @SuppressWarnings("unchecked")
    static boolean apply(Map<String, Object> body, String verb, String pointer, Object value) {
        if (pointer == null || !pointer.startsWith("/") || !List.of("replace", "add").contains(verb)) {
            return false;
        }
        String[] steps = pointer.substring(1).split("/", -1);
        Object parent = body;
        for (int i = 0; i < steps.length - 1 && parent != null; i++) {
            parent = child(parent, unescape(steps[i]));
        }
        String last = unescape(steps[steps.length - 1]);
        if (parent instanceof Map<?, ?> m) {
            if ("replace".equals(verb) && !m.containsKey(last)) {
                return false;
            }
            ((Map<String, Object>) m).put(last, value);
            return true;
        }
        if (parent instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            int idx = "-".equals(last) && "add".equals(verb) ? list.size() : index(last);
            if (idx < 0 || idx > list.size() || ("replace".equals(verb) && idx == list.size())) {
                return false;
            }
            if ("replace".equals(verb)) {
                list.set(idx, value);
            } else {
                list.add(idx, value);
            }
            return true;
        }
        return false;
    }

    private static Object child(Object node, String step) {
        if (node instanceof Map<?, ?> m) {
            return m.get(step);
        }
        if (node instanceof List<?> l) {
            int idx = index(step);
            return idx >= 0 && idx < l.size() ? l.get(idx) : null;
        }
        return null;
    }

    private static int index(String step) {
        try {
            return Integer.parseInt(step);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String unescape(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    private static Path kustomizationIn(Path dir) {
        for (String n : List.of("kustomization.yaml", "kustomization.yml")) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        return null;
    }

    private static String rel(Path base, Path p) {
        return base.relativize(p).toString();
    }
}
