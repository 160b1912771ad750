package io.tierline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API server accepts but does nothing useful with: a selector that matches no pods (Service, PDB,
 * NetworkPolicy, a Deployment's own), an autoscaler aimed at a missing Deployment, a container without
 * resource requests and a memory limit. Pods that Strimzi creates count as matched when a Kafka exists.
 */
final class WiringCheck {

    private static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet", "Job");

    private WiringCheck() {
    }

    static List<String> problems(Deploy deploy) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> pods = new ArrayList<>();
        for (String kind : WORKLOADS) {
            for (KubeObject w : deploy.ofKind(kind)) {
                Map<String, Object> labels = Deploy.podLabels(w);
                pods.add(labels);
                Map<String, Object> own = Yaml.map(w.at("spec", "selector", "matchLabels"));
                if (!kind.equals("Job") && (own.isEmpty() || !labels.entrySet().containsAll(own.entrySet()))) {
                    problems.add(w + ": spec.selector does not match its own pod template labels");
                }
                resources(w, problems);
            }
        }
        boolean kafka = !deploy.ofKind("Kafka").isEmpty();
        deploy.ofKind("Service").forEach(s -> matches(s, Yaml.map(s.at("spec", "selector")), pods, kafka, problems));
        deploy.ofKind("PodDisruptionBudget").forEach(p -> matches(p, Yaml.map(p.at("spec", "selector", "matchLabels")), pods, kafka, problems));
        deploy.ofKind("NetworkPolicy").forEach(n -> matches(n, Yaml.map(n.at("spec", "podSelector", "matchLabels")), pods, kafka, problems));
        for (KubeObject hpa : deploy.ofKind("HorizontalPodAutoscaler")) {
            String kind = Yaml.string(hpa.body(), "spec", "scaleTargetRef", "kind");
            String name = Yaml.string(hpa.body(), "spec", "scaleTargetRef", "name");
            if (kind == null || name == null || deploy.find(kind, name).isEmpty()) {
                problems.add(hpa + ": scaleTargetRef " + kind + "/" + name + " is not in the manifests");
            }
        }
        return problems;
    }

    private static void matches(KubeObject o, Map<String, Object> selector, List<Map<String, Object>> pods, boolean kafka,
            List<String> problems) {
        boolean strimzi = kafka && selector.keySet().stream().anyMatch(k -> k.startsWith("strimzi.io/"));
        if (!selector.isEmpty() && !strimzi && pods.stream().noneMatch(p -> p.entrySet().containsAll(selector.entrySet()))) {
            problems.add(o + ": selector " + selector + " matches no pod in the manifests");
        }
    }

    private static void resources(KubeObject workload, List<String> problems) {
        for (Map<String, Object> c : Deploy.containers(workload)) {
            if (Yaml.at(c, "resources", "requests", "cpu") == null || Yaml.at(c, "resources", "requests", "memory") == null
                    || Yaml.at(c, "resources", "limits", "memory") == null) {
                problems.add(workload + ": container " + c.get("name") + " lacks cpu/memory requests or a memory limit");
            }
        }
    }
}
