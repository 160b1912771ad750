package io.tierline.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything under one deploy folder (the real one or a fixture): Kubernetes objects, compose, Prometheus. */
record Deploy(Path dir, List<KubeObject> kube, Compose compose, Optional<Map<String, Object>> prometheus) {

    static Deploy load(Path dir) {
        Path k8s = dir.resolve("kubernetes");
        Path prom = dir.resolve("compose/prometheus.yml");
        return new Deploy(dir,
                Files.isDirectory(k8s) ? KubeObject.under(k8s) : List.of(),
                Compose.load(dir),
                Files.isRegularFile(prom) ? Optional.of(Yaml.single(prom)) : Optional.empty());
    }

    List<KubeObject> ofKind(String kind) {
        return KubeObject.ofKind(kube, kind);
    }

    /** The object of a kind and name, if the manifests have it. */
    Optional<KubeObject> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.name())).findFirst();
    }

    /** The containers of a workload's pod template. */
    static List<Map<String, Object>> containers(KubeObject workload) {
        return Yaml.list(workload.at("spec", "template", "spec", "containers")).stream().map(Yaml::map).toList();
    }

    /** The labels of a workload's pods. */
    static Map<String, Object> podLabels(KubeObject workload) {
        return Yaml.map(workload.at("spec", "template", "metadata", "labels"));
    }
}
