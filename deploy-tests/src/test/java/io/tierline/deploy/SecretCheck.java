package io.tierline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No secret value in git: no Secret object with data, no secret-looking literal in a ConfigMap or env value;
 * every service Deployment takes its keys from a Secret reference.
 */
final class SecretCheck {

    private static final List<String> SECRET_WORDS = List.of("SECRET", "PASSWORD", "TOKEN", "API_KEY", "PRIVATE_KEY", "SIGNING");

    private SecretCheck() {
    }

    static List<String> problems(Deploy deploy, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        for (KubeObject secret : deploy.ofKind("Secret")) {
            if (secret.at("data") != null || secret.at("stringData") != null) {
                problems.add(secret + ": a Secret with values is committed; create it outside git");
            }
        }
        for (KubeObject cm : deploy.ofKind("ConfigMap")) {
            Yaml.map(cm.at("data")).keySet().stream().filter(SecretCheck::secretLike)
                    .forEach(k -> problems.add(cm + ": " + k + " looks like a secret; take it from a Secret"));
        }
        for (KubeObject d : deploy.ofKind("Deployment")) {
            for (Map<String, Object> c : Deploy.containers(d)) {
                Yaml.list(c.get("env")).stream().filter(e -> Yaml.at(e, "value") != null)
                        .map(e -> Yaml.string(e, "name")).filter(SecretCheck::secretLike)
                        .forEach(n -> problems.add(d + ": env " + n + " has a literal value; take it from a Secret"));
            }
        }
        for (ServiceConfig s : services) {
            deploy.find("Deployment", s.name()).ifPresent(d -> {
                boolean refers = Deploy.containers(d).stream().anyMatch(c ->
                        Yaml.list(c.get("envFrom")).stream().anyMatch(e -> Yaml.at(e, "secretRef") != null)
                                || Yaml.list(c.get("env")).stream().anyMatch(e -> Yaml.at(e, "valueFrom", "secretKeyRef") != null));
                if (!refers) {
                    problems.add(d + ": takes no keys from a Secret (secretRef or secretKeyRef)");
                }
            });
        }
        return problems;
    }

    private static boolean secretLike(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(n::contains);
    }
}
