package io.tierline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesModelTest {

    @Test
    void everyObjectParsesIntoItsTypedModelOrIsAKnownStrimziResource() {
        List<KubeObject> objects = Real.DEPLOY.kube();
        assertTrue(objects.size() > 40, "expected the base and overlay objects, found " + objects.size());
        assertEquals(List.of(), problems(objects));
    }

    @Test
    void everyServiceHasItsDeploymentAndItParsesTyped() {
        for (ServiceConfig s : Real.SERVICES) {
            KubeObject d = Real.DEPLOY.find("Deployment", s.name()).orElseThrow(() -> new AssertionError("no Deployment " + s.name()));
            Deployment typed = TypedModels.parse(d, Deployment.class);
            assertEquals(s.name(), typed.getMetadata().getName());
            for (String kind : List.of("Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "ConfigMap")) {
                String name = kind.equals("ConfigMap") ? s.name() + "-config" : s.name();
                assertTrue(Real.DEPLOY.find(kind, name).isPresent(), "no " + kind + " " + name);
            }
        }
    }

    @Test
    void typosWrongTypesUnknownKindsAndBadStrimziFieldsAreReported() {
        List<String> problems = problems(Real.fixture("bad-model").kube());
        assertHas(problems, "unknown field(s) [livenesProbe]");
        assertHas(problems, "StatefulSet/wrong-type (objects.yaml): does not parse");
        assertHas(problems, "no typed model for v1/Gadget");
        assertHas(problems, "unknown field spec.partition");
        assertHas(problems, "spec.partitions must be a positive integer");
        assertHas(problems, "label strimzi.io/cluster must name a Kafka");
    }

    static List<String> problems(List<KubeObject> objects) {
        List<String> problems = new ArrayList<>();
        for (KubeObject o : objects) {
            if (!StrimziResources.isStrimzi(o)) {
                problems.addAll(TypedModels.problems(o));
            }
        }
        problems.addAll(StrimziResources.problems(objects));
        return problems;
    }

    static void assertHas(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), "expected a problem with '" + fragment + "' in " + problems);
    }
}
