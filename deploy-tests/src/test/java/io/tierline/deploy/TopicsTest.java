package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyCatalogueTopicHasAKafkaTopicAndAComposeCreationAndNothingElse() {
        assertEquals(Set.copyOf(Topics.all()), TopicCheck.kafkaTopics(Real.DEPLOY).keySet());
        assertEquals(Set.copyOf(Topics.all()), TopicCheck.composeTopics(Real.DEPLOY.compose()).keySet());
        assertEquals(List.of(), TopicCheck.problems(Real.DEPLOY, Real.SERVICES));
    }

    @Test
    void productionKeepsTheBaseReplicationAndDevLowersIt() {
        Path overlays = Real.DEPLOY_DIR.resolve("kubernetes/overlays");
        assertTrue(patchedKinds(overlays.resolve("production")).stream().noneMatch(k -> k.startsWith("Kafka")),
                "production must not patch Kafka or KafkaTopic: the base holds replicas 3, min.insync.replicas 2");
        assertTrue(patchedKinds(overlays.resolve("dev")).contains("KafkaTopic"), "dev must lower topic replication for one broker");
    }

    @Test
    void missingExtraUnderReplicatedAndMisPartitionedTopicsAreReported() {
        List<String> problems = TopicCheck.problems(Real.fixture("topics-wrong"), Real.SERVICES);
        assertHas(problems, "KafkaTopic: missing topics [kpi.csat]");
        assertHas(problems, "KafkaTopic: topics not in the catalogue [contacts.typo]");
        assertHas(problems, "compose kafka-topics: missing topics [routing.dlq]");
        assertHas(problems, "KafkaTopic/contacts.resolved (topics.yaml): needs replicas 3 and min.insync.replicas 2");
        assertHas(problems, "KafkaTopic/agents.presence (topics.yaml): an event stream must not be compacted");
        assertHas(problems, "KafkaTopic/kpi.fcr (topics.yaml): a latest-state KPI topic should be compacted");
        assertHas(problems, "contacts.received: 12 partitions in Kubernetes, 24 in compose");
        assertHas(problems, "topics keyed by contactId have different partition counts [6, 12]");
        assertHas(problems, "maxReplicas 20 above the 12 partitions of contacts.received");
    }

    private static List<String> patchedKinds(Path overlay) {
        return Yaml.list(Yaml.single(overlay.resolve("kustomization.yaml")).get("patches")).stream()
                .map(p -> Yaml.string(p, "target", "kind")).toList();
    }
}
