package io.tierline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every variable a manifest sets for a service (a ConfigMap it reads through envFrom, an env entry, a compose
 * environment entry) sets a key that service has: in application.properties, its README's settings, a
 * documented Quarkus key, or a variable application.properties references.
 */
final class ConfigKeyCheck {

    private ConfigKeyCheck() {
    }

    static List<String> problems(Deploy deploy, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : services) {
            deploy.find("Deployment", service.name()).ifPresent(d -> {
                for (String variable : kubernetesVariables(deploy, d, problems)) {
                    if (!service.knowsVariable(variable)) {
                        problems.add(d + ": " + variable + " sets no key of " + service.name());
                    }
                }
            });
            if (deploy.compose().services().contains(service.name())) {
                for (String variable : deploy.compose().environment(service.name()).keySet()) {
                    if (!service.knowsVariable(variable)) {
                        problems.add("compose " + service.name() + ": " + variable + " sets no key of " + service.name());
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> kubernetesVariables(Deploy deploy, KubeObject deployment, List<String> problems) {
        Set<String> variables = new TreeSet<>();
        for (Map<String, Object> container : Deploy.containers(deployment)) {
            Yaml.list(container.get("env")).forEach(e -> variables.add(Yaml.string(e, "name")));
            for (Object source : Yaml.list(container.get("envFrom"))) {
                String configMap = Yaml.string(source, "configMapRef", "name");
                if (configMap == null) {
                    continue;
                }
                Optional<KubeObject> cm = deploy.find("ConfigMap", configMap);
                if (cm.isEmpty()) {
                    problems.add(deployment + ": ConfigMap " + configMap + " is not in the manifests");
                } else {
                    variables.addAll(Yaml.map(cm.get().at("data")).keySet());
                }
            }
        }
        return variables;
    }
}
