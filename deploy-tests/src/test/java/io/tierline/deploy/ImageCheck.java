package io.tierline.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One image scheme everywhere: each service is {@code tierline/<service>:<tag>} with the same tag in compose
 * and Kubernetes; every other image has a pinned tag (never {@code latest}), the same one wherever it is used.
 */
final class ImageCheck {

    static final String GROUP = "tierline/";

    private ImageCheck() {
    }

    static List<String> problems(Deploy deploy, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        Map<String, String> images = new LinkedHashMap<>(); // where -> image
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            for (KubeObject w : deploy.ofKind(kind)) {
                Deploy.containers(w).forEach(c -> images.put(w + " container " + c.get("name"), Yaml.string(c, "image")));
            }
        }
        deploy.compose().services().forEach(s -> images.put("compose " + s, deploy.compose().image(s)));

        Set<String> serviceTags = new TreeSet<>();
        Map<String, String> otherTags = new LinkedHashMap<>();
        images.forEach((where, image) -> {
            if (image == null || !image.contains(":") || image.endsWith(":latest")) {
                problems.add(where + ": image " + image + " has no pinned tag");
                return;
            }
            String repo = image.substring(0, image.lastIndexOf(':'));
            String tag = image.substring(image.lastIndexOf(':') + 1);
            if (repo.startsWith(GROUP)) {
                serviceTags.add(tag);
                String service = repo.substring(GROUP.length());
                if (services.stream().noneMatch(s -> s.name().equals(service))) {
                    problems.add(where + ": " + image + " names no service module");
                }
            } else if (otherTags.containsKey(repo) && !otherTags.get(repo).equals(tag)) {
                problems.add(where + ": " + image + " but elsewhere " + repo + ":" + otherTags.get(repo));
            } else {
                otherTags.put(repo, tag);
            }
        });
        if (serviceTags.size() > 1) {
            problems.add("service images use several tags " + serviceTags + "; one release tag for all");
        }
        for (ServiceConfig s : services) {
            String prefix = GROUP + s.name() + ":";
            deploy.find("Deployment", s.name()).ifPresent(d -> Deploy.containers(d).stream()
                    .filter(c -> !String.valueOf(c.get("image")).startsWith(prefix))
                    .forEach(c -> problems.add(d + ": runs " + c.get("image") + ", not " + prefix + "<tag>")));
            if (deploy.compose().services().contains(s.name()) && !String.valueOf(deploy.compose().image(s.name())).startsWith(prefix)) {
                problems.add("compose " + s.name() + ": runs " + deploy.compose().image(s.name()) + ", not " + prefix + "<tag>");
            }
        }
        return problems;
    }
}
