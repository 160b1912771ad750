package io.tierline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strimzi custom resources (Kafka, KafkaNodePool, KafkaTopic) checked as maps against the fields Tierline
 * uses, as the Strimzi v1beta2 API defines them: known keys only, node pools in KRaft mode, topics bound to
 * the cluster.
 */
final class StrimziResources {

    static final String API = "kafka.strimzi.io/v1beta2";
    static final Set<String> KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic");

    private static final Set<String> KAFKA_SPEC = Set.of("kafka", "entityOperator", "cruiseControl",
            "kafkaExporter", "clusterCa", "clientsCa", "maintenanceTimeWindows");
    private static final Set<String> KAFKA_KAFKA = Set.of("version", "metadataVersion", "listeners", "config",
            "authorization", "rack", "template", "jvmOptions", "logging", "metricsConfig", "resources",
            "image", "brokerRackInitImage", "livenessProbe", "readinessProbe", "quotas", "tieredStorage");
    private static final Set<String> LISTENER = Set.of("name", "port", "type", "tls", "authentication",
            "configuration", "networkPolicyPeers");
    private static final Set<String> POOL_SPEC = Set.of("replicas", "roles", "storage", "resources",
            "jvmOptions", "template");
    private static final Set<String> TOPIC_SPEC = Set.of("topicName", "partitions", "replicas", "config");

    private StrimziResources() {
    }

    static boolean isStrimzi(KubeObject o) {
        return KINDS.contains(o.kind()) && o.apiVersion() != null && o.apiVersion().startsWith("kafka.strimzi.io/");
    }

    static List<String> problems(List<KubeObject> objects) {
        List<String> problems = new ArrayList<>();
        List<KubeObject> strimzi = objects.stream().filter(StrimziResources::isStrimzi).toList();
        strimzi.stream().filter(o -> !API.equals(o.apiVersion()))
                .forEach(o -> problems.add(o + ": apiVersion must be " + API));
        Set<String> clusters = KubeObject.ofKind(strimzi, "Kafka").stream().map(KubeObject::name)
                .collect(Collectors.toSet());
        for (KubeObject kafka : KubeObject.ofKind(strimzi, "Kafka")) {
            kafka(kafka, problems);
        }
        List<KubeObject> pools = KubeObject.ofKind(strimzi, "KafkaNodePool");
        for (KubeObject pool : pools) {
            unknown(pool, Yaml.map(pool.at("spec")), POOL_SPEC, "spec", problems);
            boundTo(pool, clusters, problems);
            positive(pool, "replicas", problems);
            List<Object> roles = Yaml.list(pool.at("spec", "roles"));
            if (roles.isEmpty() || !Set.of("controller", "broker").containsAll(roles)) {
                problems.add(pool + ": roles must be controller and/or broker, not " + roles);
            }
        }
        for (String role : List.of("controller", "broker")) {
            if (!clusters.isEmpty() && pools.stream().noneMatch(p -> Yaml.list(p.at("spec", "roles")).contains(role))) {
                problems.add("no KafkaNodePool with role " + role + " (KRaft needs both)");
            }
        }
        for (KubeObject topic : KubeObject.ofKind(strimzi, "KafkaTopic")) {
            unknown(topic, Yaml.map(topic.at("spec")), TOPIC_SPEC, "spec", problems);
            boundTo(topic, clusters, problems);
            positive(topic, "partitions", problems);
            positive(topic, "replicas", problems);
            if (topic.at("spec", "topicName") == null) {
                problems.add(topic + ": spec.topicName missing");
            }
        }
        return problems;
    }

    private static void kafka(KubeObject kafka, List<String> problems) {
        Map<String, Object> annotations = Yaml.map(kafka.at("metadata", "annotations"));
        if (!"enabled".equals(annotations.get("strimzi.io/node-pools")) || !"enabled".equals(annotations.get("strimzi.io/kraft"))) {
            problems.add(kafka + ": needs annotations strimzi.io/node-pools and strimzi.io/kraft = enabled");
        }
        unknown(kafka, Yaml.map(kafka.at("spec")), KAFKA_SPEC, "spec", problems);
        unknown(kafka, Yaml.map(kafka.at("spec", "kafka")), KAFKA_KAFKA, "spec.kafka", problems);
        List<Object> listeners = Yaml.list(kafka.at("spec", "kafka", "listeners"));
        if (listeners.isEmpty()) {
            problems.add(kafka + ": spec.kafka.listeners empty");
        }
        listeners.forEach(l -> unknown(kafka, Yaml.map(l), LISTENER, "spec.kafka.listeners[]", problems));
        if (kafka.at("spec", "entityOperator", "topicOperator") == null) {
            problems.add(kafka + ": spec.entityOperator.topicOperator missing: KafkaTopics would not be reconciled");
        }
    }

    private static void unknown(KubeObject o, Map<String, Object> actual, Set<String> known, String where,
            List<String> problems) {
        actual.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add(o + ": unknown field " + where + "." + k));
    }

    private static void boundTo(KubeObject o, Set<String> clusters, List<String> problems) {
        String cluster = Yaml.string(o.body(), "metadata", "labels", "strimzi.io/cluster");
        if (cluster == null || !clusters.contains(cluster)) {
            problems.add(o + ": label strimzi.io/cluster must name a Kafka in the manifests " + clusters + ", is " + cluster);
        }
    }

    private static void positive(KubeObject o, String field, List<String> problems) {
        if (!(o.at("spec", field) instanceof Integer n) || n < 1) {
            problems.add(o + ": spec." + field + " must be a positive integer");
        }
    }
}
