package io.tierline.deploy;

import io.tierline.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topic catalogue in the manifests: a KafkaTopic and a compose creation for every topic of
 * {@link Topics#all()} and nothing else, with the partitions, replication and clean-up policy deploy/README.md
 * explains; no autoscaled consumer service may outgrow the partitions it reads.
 */
final class TopicCheck {

    static final int REPLICAS = 3;
    static final int MIN_INSYNC = 2;
    private static final Pattern COMPOSE_CREATE = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s*$");

    private TopicCheck() {
    }

    /** topicName -> KafkaTopic */
    static Map<String, KubeObject> kafkaTopics(Deploy deploy) {
        Map<String, KubeObject> topics = new LinkedHashMap<>();
        deploy.ofKind("KafkaTopic").forEach(t -> topics.put(Yaml.string(t.body(), "spec", "topicName"), t));
        return topics;
    }

    /** topic -> partitions, from the compose kafka-topics one-shot service. */
    static Map<String, Integer> composeTopics(Compose compose) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String s : compose.services()) {
            Matcher m = COMPOSE_CREATE.matcher(Compose.text(compose.service(s).get("command")));
            while (m.find()) {
                topics.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return topics;
    }

    /** Whether a compose service is the one-shot that creates topics. */
    static boolean createsTopics(Map<String, Object> composeService) {
        return COMPOSE_CREATE.matcher(Compose.text(composeService.get("command"))).find();
    }

    static List<String> problems(Deploy deploy, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        Map<String, KubeObject> topics = kafkaTopics(deploy);
        if (deploy.ofKind("KafkaTopic").size() != topics.size()) {
            problems.add("a topic has more than one KafkaTopic");
        }
        sameSet("KafkaTopic", topics.keySet(), problems);
        Map<String, Integer> compose = composeTopics(deploy.compose());
        sameSet("compose kafka-topics", compose.keySet(), problems);
        topics.forEach((name, t) -> {
            if (!Integer.valueOf(REPLICAS).equals(t.at("spec", "replicas"))
                    || !Integer.valueOf(MIN_INSYNC).equals(t.at("spec", "config", "min.insync.replicas"))) {
                problems.add(t + ": needs replicas " + REPLICAS + " and min.insync.replicas " + MIN_INSYNC);
            }
            boolean compacted = String.valueOf(t.at("spec", "config", "cleanup.policy")).contains("compact");
            if (compacted != Topics.KPI_TOPICS.contains(name)) {
                problems.add(t + ": " + (compacted ? "an event stream must not be compacted (consumers need every event)"
                        : "a latest-state KPI topic should be compacted"));
            }
            if (compose.containsKey(name) && !compose.get(name).equals(partitions(t))) {
                problems.add(name + ": " + partitions(t) + " partitions in Kubernetes, " + compose.get(name) + " in compose");
            }
        });
        Set<Integer> contactKeyed = new TreeSet<>();
        Topics.EVENT_TOPICS.stream().filter(n -> !n.equals(Topics.AGENTS_PRESENCE) && topics.containsKey(n))
                .forEach(n -> contactKeyed.add(partitions(topics.get(n))));
        if (contactKeyed.size() > 1) {
            problems.add("topics keyed by contactId have different partition counts " + contactKeyed);
        }
        autoscaling(deploy, services, topics, problems);
        return problems;
    }

    private static void autoscaling(Deploy deploy, List<ServiceConfig> services, Map<String, KubeObject> topics,
            List<String> problems) {
        for (KubeObject hpa : deploy.ofKind("HorizontalPodAutoscaler")) {
            String target = Yaml.string(hpa.body(), "spec", "scaleTargetRef", "name");
            services.stream().filter(s -> s.name().equals(target)).findFirst().ifPresent(s -> {
                Object max = hpa.at("spec", "maxReplicas");
                for (String topic : s.consumedTopics()) {
                    if (topics.containsKey(topic) && max instanceof Integer m && m > partitions(topics.get(topic))) {
                        problems.add(hpa + ": maxReplicas " + m + " above the " + partitions(topics.get(topic))
                                + " partitions of " + topic + " (extra consumers would idle)");
                    }
                }
            });
        }
    }

    private static void sameSet(String where, Set<String> actual, List<String> problems) {
        Set<String> missing = new TreeSet<>(Topics.all());
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(Topics.all());
        if (!missing.isEmpty()) {
            problems.add(where + ": missing topics " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add(where + ": topics not in the catalogue " + extra);
        }
    }

    private static Integer partitions(KubeObject topic) {
        return topic.at("spec", "partitions") instanceof Integer n ? n : -1;
    }
}
