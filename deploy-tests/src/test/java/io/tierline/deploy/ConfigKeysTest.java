package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void everyVariableTheManifestsSetIsAKeyOfItsService() {
        assertEquals(4, Real.SERVICES.size(), "the four services: " + Real.SERVICES);
        assertEquals(List.of(), ConfigKeyCheck.problems(Real.DEPLOY, Real.SERVICES));
    }

    @Test
    void variablesMapToKeysByQuarkusConvention() {
        ServiceConfig routing = ServiceConfig.load(Real.ROOT, "routing-service");
        assertEquals("TIERLINE_ROUTING_OFFER_TIMEOUT_PHONE", ServiceConfig.toEnv("tierline.routing.offer-timeout.PHONE"));
        assertTrue(routing.knowsVariable("TIERLINE_ROUTING_WRAP_UP"));
        assertTrue(routing.knowsVariable("KAFKA_BOOTSTRAP_SERVERS"), "referenced as ${KAFKA_BOOTSTRAP_SERVERS}");
        assertTrue(routing.knowsVariable("QUARKUS_LOG_LEVEL"), "a documented Quarkus key");
        assertFalse(routing.knowsVariable("TIERLINE_ROUTING_WRAPUP"));
        assertFalse(routing.knowsVariable("TIERLINE_INTAKE_REPEAT_WINDOW"), "another service's key");
    }

    @Test
    void unknownKeysAndMissingConfigMapsAreReported() {
        List<String> problems = ConfigKeyCheck.problems(Real.fixture("config-wrong"), Real.SERVICES);
        assertHas(problems, "TIERLINE_ROUTING_NO_SUCH_SETTING sets no key of routing-service");
        assertHas(problems, "TIERLINE_ROUTING_WRAPUP sets no key of routing-service");
        assertHas(problems, "ConfigMap not-in-the-manifests is not in the manifests");
        assertHas(problems, "compose intake-service: QUARKUS_HTTP_PROT sets no key of intake-service");
        assertEquals(4, problems.size(), "only the broken entries: " + problems);
    }
}
