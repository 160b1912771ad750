package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPoliciesTest {

    @Test
    void defaultDenyAndOnlyTheNeededPaths() {
        assertEquals(List.of(), NetworkPolicyCheck.problems(Real.DEPLOY, Real.SERVICES));
    }

    @Test
    void missingDenyAndMissingPathsAreReported() {
        List<String> problems = NetworkPolicyCheck.problems(Real.fixture("netpol-wrong"), Real.SERVICES);
        assertHas(problems, "no default-deny NetworkPolicy");
        assertHas(problems, "no NetworkPolicy lets every pod reach DNS");
        assertHas(problems, "Deployment/intake-service (app.yaml): no NetworkPolicy admits its HTTP port 8081");
        assertHas(problems, "Deployment/intake-service (app.yaml): no NetworkPolicy lets it reach Kafka on 9092");
        assertHas(problems, "Deployment/intake-service (app.yaml): no NetworkPolicy lets it reach MongoDB on 27017");
    }
}
