package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeTest {

    private static final String KAFKA = ComposeCheck.kafkaVersion(Real.ROOT);

    @Test
    void kraftKafkaAReplicaSetAndAHealthyStartOrder() {
        assertEquals(List.of(), ComposeCheck.problems(Real.DEPLOY, Real.SERVICES, KAFKA));
    }

    @Test
    void anotherKafkaNoReplicaSetAndNoStartOrderAreReported() {
        List<String> problems = ComposeCheck.problems(Real.fixture("compose-wrong"), Real.SERVICES, KAFKA);
        assertHas(problems, "compose kafka: image apache/kafka:3.9.0, expected the official apache/kafka:" + KAFKA);
        assertHas(problems, "KAFKA_PROCESS_ROLES 'broker' is not KRaft");
        assertHas(problems, "compose mongodb: not a replica set");
        assertHas(problems, "compose intake-service: does not wait for kafka to be healthy");
        assertHas(problems, "compose intake-service: does not wait for the topics to be created");
        assertHas(problems, "compose routing-service: waits for mongodb to be healthy, which has no health check");
        assertHas(problems, "compose: no service metrics-service");
    }
}
