package io.tierline.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Kubernetes object read from a manifest file, as YAML maps. */
record KubeObject(Path file, Map<String, Object> body) {

    String apiVersion() {
        return Yaml.string(body, "apiVersion");
    }

    String kind() {
        return Yaml.string(body, "kind");
    }

    String name() {
        return Yaml.string(body, "metadata", "name");
    }

    Object at(Object... path) {
        return Yaml.at(body, path);
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + file.getFileName() + ")";
    }

    /** Every object in every manifest under a folder; kustomization.yaml files are not objects. */
    static List<KubeObject> under(Path dir) {
        List<KubeObject> all = new ArrayList<>();
        for (Path file : Yaml.filesUnder(dir)) {
            if (!Kustomizations.isKustomization(file)) {
                Yaml.documents(file).forEach(d -> all.add(new KubeObject(file, Yaml.map(d))));
            }
        }
        return all;
    }

    static List<KubeObject> ofKind(List<KubeObject> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.kind())).toList();
    }
}
