package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void noSecretValueIsCommittedAndEveryServiceReadsASecretReference() {
        assertEquals(List.of(), SecretCheck.problems(Real.DEPLOY, Real.SERVICES));
    }

    @Test
    void committedValuesAndMissingReferencesAreReported() {
        List<String> problems = SecretCheck.problems(Real.fixture("secret-wrong"), Real.SERVICES);
        assertHas(problems, "Secret/tierline-intake-secrets (app.yaml): a Secret with values is committed");
        assertHas(problems, "TIERLINE_INTAKE_API_KEY looks like a secret");
        assertHas(problems, "env TIERLINE_SIGNING_KEY has a literal value");
        assertHas(problems, "Deployment/intake-service (app.yaml): takes no keys from a Secret");
    }
}
