package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KustomizeTest {

    private static final Path K8S = Real.DEPLOY_DIR.resolve("kubernetes");

    @Test
    void resourcesExistEveryManifestIsReferencedAndPatchesHitRealPaths() {
        assertEquals(List.of(), Kustomizations.problems(K8S));
    }

    @Test
    void productionRendersToValidObjectsWithFullReplication() {
        Deploy production = rendered("production");
        assertEquals(List.of(), KubernetesModelTest.problems(production.kube()));
        assertEquals(List.of(), TopicCheck.problems(production, Real.SERVICES), "replicas 3, min ISR 2 after the overlay");
        assertEquals(List.of(), ConfigKeyCheck.problems(production, Real.SERVICES));
        assertEquals(List.of(), NetworkPolicyCheck.problems(production, Real.SERVICES));
        assertEquals(List.of(), WiringCheck.problems(production));
        assertInNamespace(production, "tierline");
        production.ofKind("HorizontalPodAutoscaler").forEach(h -> assertEquals(3, h.at("spec", "minReplicas"), h.toString()));
    }

    @Test
    void devRendersToOneOfEverything() {
        Deploy dev = rendered("dev");
        assertEquals(List.of(), KubernetesModelTest.problems(dev.kube()));
        assertEquals(List.of(), ConfigKeyCheck.problems(dev, Real.SERVICES));
        assertInNamespace(dev, "tierline-dev");
        dev.ofKind("KafkaTopic").forEach(t -> {
            assertEquals(1, t.at("spec", "replicas"), t.toString());
            assertEquals(1, t.at("spec", "config", "min.insync.replicas"), t.toString());
        });
        dev.ofKind("KafkaNodePool").forEach(p -> assertEquals(1, p.at("spec", "replicas"), p.toString()));
        assertEquals(1, dev.find("StatefulSet", "mongodb").orElseThrow().at("spec", "replicas"));
        assertEquals("1", Yaml.string(Deploy.containers(dev.find("Job", "mongodb-init").orElseThrow()).get(0), "env", 0, "value"),
                "the init Job initiates as many members as the StatefulSet has");
        String uri = Yaml.string(dev.find("ConfigMap", "tierline-common").orElseThrow().body(), "data", "MONGODB_URI");
        assertFalse(uri.contains("mongodb-1"), uri);
    }

    @Test
    void jsonPatchOperationsApplyOnlyWherePathsExist() {
        Map<String, Object> body = Yaml.map(new org.yaml.snakeyaml.Yaml().load("spec: {replicas: 2, list: [a, b]}"));
        assertTrue(Kustomizations.apply(body, "replace", "/spec/replicas", 1));
        assertTrue(Kustomizations.apply(body, "add", "/spec/list/-", "c"));
        assertTrue(Kustomizations.apply(body, "add", "/spec/new", "x"));
        assertFalse(Kustomizations.apply(body, "replace", "/spec/missing", 1));
        assertFalse(Kustomizations.apply(body, "replace", "/spec/list/3", "d"));
        assertFalse(Kustomizations.apply(body, "add", "/nope/deeper", 1));
        assertFalse(Kustomizations.apply(body, "remove", "/spec/replicas", null), "only replace and add are used here");
        assertEquals(Map.of("replicas", 1, "list", List.of("a", "b", "c"), "new", "x"), body.get("spec"));
    }

    @Test
    void missingResourcesOrphansAndStrayPatchesAreReported() {
        List<String> problems = Kustomizations.problems(DeployPaths.fixture("kustomize-broken").resolve("kubernetes"));
        assertHas(problems, "resource missing.yaml does not exist");
        assertHas(problems, "orphan.yaml: not referenced");
        assertHas(problems, "patch on Deployment/nope matches no object");
        assertHas(problems, "replace /data/NOT_THERE does not exist");
    }

    private static Deploy rendered(String overlay) {
        List<KubeObject> objects = Kustomizations.render(K8S.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"));
        return new Deploy(Real.DEPLOY_DIR, new ArrayList<>(objects), Real.DEPLOY.compose(), Real.DEPLOY.prometheus());
    }

    private static void assertInNamespace(Deploy deploy, String namespace) {
        assertTrue(deploy.find("Namespace", namespace).isPresent(), "no Namespace " + namespace);
        deploy.kube().stream().filter(o -> !"Namespace".equals(o.kind()))
                .forEach(o -> assertEquals(namespace, o.at("metadata", "namespace"), o.toString()));
    }
}
