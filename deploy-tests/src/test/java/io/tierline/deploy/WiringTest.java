package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WiringTest {

    @Test
    void selectorsMatchPodsAutoscalersHitDeploymentsAndContainersAreSized() {
        assertEquals(List.of(), WiringCheck.problems(Real.DEPLOY));
    }

    @Test
    void straySelectorsMissingTargetsAndUnsizedContainersAreReported() {
        List<String> problems = WiringCheck.problems(Real.fixture("wiring-wrong"));
        assertHas(problems, "Deployment/intake-service (app.yaml): spec.selector does not match its own pod template labels");
        assertHas(problems, "Deployment/intake-service (app.yaml): container intake lacks cpu/memory requests or a memory limit");
        assertHas(problems, "Service/intake-service (app.yaml): selector {app=intake} matches no pod");
        assertHas(problems, "PodDisruptionBudget/intake-service (app.yaml): selector {app=intake} matches no pod");
        assertHas(problems, "NetworkPolicy/intake (app.yaml): selector {app=intake} matches no pod");
        assertHas(problems, "HorizontalPodAutoscaler/intake-service (app.yaml): scaleTargetRef Deployment/intake is not in the manifests");
        assertEquals(6, problems.size(), problems.toString());
    }
}
