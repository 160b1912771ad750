package io.tierline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Default deny, then each service admits traffic on its HTTP port (ingress controller, Prometheus) and may reach
 * Kafka and MongoDB; every pod may reach DNS. Selectors are compared by matchLabels.
 */
final class NetworkPolicyCheck {

    static final int KAFKA_PORT = 9092;
    static final int MONGODB_PORT = 27017;
    static final int DNS_PORT = 53;

    private NetworkPolicyCheck() {
    }

    static List<String> problems(Deploy deploy, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        List<KubeObject> policies = deploy.ofKind("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> Yaml.map(p.at("spec", "podSelector")).isEmpty()
                && Yaml.list(p.at("spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && p.at("spec", "ingress") == null && p.at("spec", "egress") == null);
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        if (!allows(policies, Map.of(), "egress", DNS_PORT)) {
            problems.add("no NetworkPolicy lets every pod reach DNS on port " + DNS_PORT);
        }
        for (ServiceConfig s : services) {
            deploy.find("Deployment", s.name()).ifPresent(d -> {
                Map<String, Object> labels = Deploy.podLabels(d);
                if (!allows(policies, labels, "ingress", s.httpPort())) {
                    problems.add(d + ": no NetworkPolicy admits its HTTP port " + s.httpPort());
                }
                if (!allows(policies, labels, "egress", KAFKA_PORT)) {
                    problems.add(d + ": no NetworkPolicy lets it reach Kafka on " + KAFKA_PORT);
                }
                if (!allows(policies, labels, "egress", MONGODB_PORT)) {
                    problems.add(d + ": no NetworkPolicy lets it reach MongoDB on " + MONGODB_PORT);
                }
            });
        }
        return problems;
    }

    /** Whether a policy selecting pods with these labels has a rule of this direction naming the port. */
    private static boolean allows(List<KubeObject> policies, Map<String, Object> podLabels, String direction, int port) {
        return policies.stream()
                .filter(p -> selects(p, podLabels))
                .flatMap(p -> Yaml.list(p.at("spec", direction)).stream())
                .flatMap(rule -> Yaml.list(Yaml.at(rule, "ports")).stream())
                .anyMatch(rp -> Integer.valueOf(port).equals(Yaml.at(rp, "port")));
    }

    /** No labels stands for "every pod": only an empty podSelector selects them all. */
    private static boolean selects(KubeObject policy, Map<String, Object> podLabels) {
        if (podLabels.isEmpty()) {
            return Yaml.map(policy.at("spec", "podSelector")).isEmpty();
        }
        return podLabels.entrySet().containsAll(Yaml.map(policy.at("spec", "podSelector", "matchLabels")).entrySet());
    }
}
