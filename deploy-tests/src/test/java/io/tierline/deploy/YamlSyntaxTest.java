package io.tierline.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlSyntaxTest {

    @Test
    void everyYamlFileUnderDeployParses() {
        List<Path> files = Yaml.filesUnder(Real.DEPLOY_DIR);
        assertTrue(files.size() >= 10, "expected the compose, Grafana and Kubernetes files, found " + files);
        for (Path f : files) {
            assertFalse(Yaml.documents(f).isEmpty(), f + " holds no document");
        }
    }

    @Test
    void aSyntaxErrorFails() {
        Path broken = DeployPaths.fixture("broken-yaml").resolve("kubernetes/broken.yaml");
        assertThrows(RuntimeException.class, () -> Yaml.documents(broken));
    }

    @Test
    void aDuplicatedKeyFails() {
        Path dup = DeployPaths.fixture("broken-yaml").resolve("kubernetes/duplicate-key.yaml");
        assertThrows(RuntimeException.class, () -> Yaml.documents(dup));
    }
}
