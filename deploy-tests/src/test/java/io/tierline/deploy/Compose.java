package io.tierline.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** deploy/compose/docker-compose.yml as maps (YAML merge keys resolved by SnakeYAML). */
record Compose(Map<String, Object> body) {

    static final Compose EMPTY = new Compose(Map.of());

    static Compose load(Path deployDir) {
        Path file = deployDir.resolve("compose/docker-compose.yml");
        return Files.isRegularFile(file) ? new Compose(Yaml.single(file)) : EMPTY;
    }

    Set<String> services() {
        return Yaml.map(body.get("services")).keySet();
    }

    Map<String, Object> service(String name) {
        return Yaml.map(Yaml.at(body, "services", name));
    }

    String image(String service) {
        return Yaml.string(service(service), "image");
    }

    /** The service's environment, in map or in list ("KEY=value") form. */
    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else {
            for (Object item : Yaml.list(env)) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    /** A command or healthcheck test as one string, whichever form it is written in. */
    static String text(Object commandOrTest) {
        if (commandOrTest instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return commandOrTest == null ? "" : String.valueOf(commandOrTest);
    }

    /** Container-side ports of "host:container" mappings. */
    List<Integer> containerPorts(String service) {
        return Yaml.list(service(service).get("ports")).stream().map(String::valueOf)
                .map(p -> p.substring(p.lastIndexOf(':') + 1).replace("/tcp", ""))
                .map(Integer::parseInt).toList();
    }
}
