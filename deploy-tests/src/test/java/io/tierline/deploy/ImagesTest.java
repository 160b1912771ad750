package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void oneImageSchemeAndPinnedTagsEverywhere() {
        assertEquals(List.of(), ImageCheck.problems(Real.DEPLOY, Real.SERVICES));
        for (ServiceConfig s : Real.SERVICES) {
            assertEquals("tierline/" + s.name() + ":0.1.0", Real.DEPLOY.compose().image(s.name()));
        }
    }

    @Test
    void mismatchedTagsUnpinnedImagesAndForeignImagesAreReported() {
        List<String> problems = ImageCheck.problems(Real.fixture("images-wrong"), Real.SERVICES);
        assertHas(problems, "service images use several tags [0.1.0, 0.2.0]");
        assertHas(problems, "tierline/audit-service:0.1.0 names no service module");
        assertHas(problems, "StatefulSet/mongodb (app.yaml) container mongod: image mongo:latest has no pinned tag");
        assertHas(problems, "compose kafka: image apache/kafka has no pinned tag");
        assertHas(problems, "Deployment/routing-service (app.yaml): runs tierline/escalation-service:0.1.0");
    }
}
