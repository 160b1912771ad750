package io.tierline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ports and endpoints: container, Service, compose and Prometheus ports are each service's quarkus.http.port;
 * probes and health checks point at SmallRye Health's endpoints, scrapes at /q/metrics, and the service's pom
 * has the extensions that serve them.
 */
final class EndpointCheck {

    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");
    static final String METRICS_PATH = "/q/metrics";
    private static final Pattern LOCAL_URL = Pattern.compile("localhost:(\\d+)(/\\S*)");

    private EndpointCheck() {
    }

    static List<String> problems(Path root, Deploy deploy, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : services) {
            extensions(root, service, problems);
            deploy.find("Deployment", service.name()).ifPresent(d -> deployment(d, service, problems));
            List<Object> ports = deploy.find("Deployment", service.name()).stream()
                    .flatMap(d -> Deploy.containers(d).stream()).flatMap(c -> Yaml.list(c.get("ports")).stream()).toList();
            deploy.find("Service", service.name()).ifPresent(s -> kubeService(s, service, ports, problems));
            if (deploy.compose().services().contains(service.name())) {
                compose(deploy.compose(), service, problems);
            }
            deploy.prometheus().ifPresent(p -> scrape(p, service, problems));
        }
        return problems;
    }

    private static void deployment(KubeObject d, ServiceConfig service, List<String> problems) {
        Map<String, Object> annotations = Yaml.map(d.at("spec", "template", "metadata", "annotations"));
        if (annotations.containsKey("prometheus.io/scrape") && (!METRICS_PATH.equals(annotations.get("prometheus.io/path"))
                || !String.valueOf(service.httpPort()).equals(annotations.get("prometheus.io/port")))) {
            problems.add(d + ": prometheus.io annotations do not point at " + METRICS_PATH + " on " + service.httpPort());
        }
        for (Map<String, Object> c : Deploy.containers(d)) {
            List<Object> ports = Yaml.list(c.get("ports"));
            if (ports.stream().noneMatch(p -> Integer.valueOf(service.httpPort()).equals(Yaml.at(p, "containerPort")))) {
                problems.add(d + ": no containerPort " + service.httpPort() + " (quarkus.http.port)");
            }
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                Object get = Yaml.at(c, probe, "httpGet");
                if (get == null) {
                    if (!probe.equals("startupProbe")) {
                        problems.add(d + ": " + probe + " missing or not httpGet");
                    }
                    continue;
                }
                String path = Yaml.string(get, "path");
                if (!HEALTH_PATHS.contains(path)) {
                    problems.add(d + ": " + probe + " path " + path + " is not a health endpoint " + HEALTH_PATHS);
                }
                if (!portOf(ports, Yaml.at(get, "port"), service.httpPort())) {
                    problems.add(d + ": " + probe + " port " + Yaml.at(get, "port") + " is not the HTTP port " + service.httpPort());
                }
            }
        }
    }

    /** A Service's targetPort (or port, without one) is the HTTP port, by number or by the container port's name. */
    private static void kubeService(KubeObject s, ServiceConfig service, List<Object> containerPorts, List<String> problems) {
        for (Object port : Yaml.list(s.at("spec", "ports"))) {
            Object target = Yaml.at(port, "targetPort") == null ? Yaml.at(port, "port") : Yaml.at(port, "targetPort");
            if (!portOf(containerPorts, target, service.httpPort())) {
                problems.add(s + ": targetPort " + target + " is not the HTTP port " + service.httpPort());
            }
        }
    }

    private static void compose(Compose compose, ServiceConfig service, List<String> problems) {
        String where = "compose " + service.name();
        if (!compose.containerPorts(service.name()).stream().allMatch(p -> p == service.httpPort())) {
            problems.add(where + ": ports " + compose.containerPorts(service.name()) + " are not " + service.httpPort());
        }
        String test = Compose.text(Yaml.at(compose.service(service.name()), "healthcheck", "test"));
        Matcher m = LOCAL_URL.matcher(test);
        if (!m.find()) {
            problems.add(where + ": healthcheck calls no localhost URL");
        } else if (Integer.parseInt(m.group(1)) != service.httpPort() || !HEALTH_PATHS.contains(m.group(2))) {
            problems.add(where + ": healthcheck " + m.group() + " is not a health endpoint on " + service.httpPort());
        }
    }

    private static void scrape(Map<String, Object> prometheus, ServiceConfig service, List<String> problems) {
        String wanted = service.name() + ":" + service.httpPort();
        boolean found = Yaml.list(prometheus.get("scrape_configs")).stream()
                .filter(job -> METRICS_PATH.equals(Yaml.string(job, "metrics_path")))
                .flatMap(job -> Yaml.list(Yaml.at(job, "static_configs")).stream())
                .flatMap(sc -> Yaml.list(Yaml.at(sc, "targets")).stream())
                .anyMatch(wanted::equals);
        if (!found) {
            problems.add("prometheus.yml: no job scraping " + wanted + METRICS_PATH);
        }
    }

    /** The pom serves /q/health and /q/metrics only with these extensions. */
    private static void extensions(Path root, ServiceConfig service, List<String> problems) {
        Path pom = root.resolve(service.name()).resolve("pom.xml");
        try {
            String text = Files.isRegularFile(pom) ? Files.readString(pom) : "";
            for (String ext : List.of("quarkus-smallrye-health", "quarkus-micrometer-registry-prometheus")) {
                if (!text.contains("<artifactId>" + ext + "</artifactId>")) {
                    problems.add(service.name() + "/pom.xml: no " + ext + ", so its probe or scrape path does not exist");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean portOf(List<Object> containerPorts, Object probePort, int httpPort) {
        if (probePort instanceof Integer n) {
            return n == httpPort;
        }
        return containerPorts.stream().anyMatch(p -> String.valueOf(probePort).equals(Yaml.string(p, "name"))
                && Integer.valueOf(httpPort).equals(Yaml.at(p, "containerPort")));
    }
}
