package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void portsProbesHealthChecksAndScrapesMatchTheServices() {
        assertEquals(Map.of("intake-service", 8081, "routing-service", 8082, "escalation-service", 8083, "metrics-service", 8084),
                Map.copyOf(Real.SERVICES.stream().collect(java.util.stream.Collectors.toMap(ServiceConfig::name, ServiceConfig::httpPort))));
        assertEquals(List.of(), EndpointCheck.problems(Real.ROOT, Real.DEPLOY, Real.SERVICES));
    }

    @Test
    void wrongPortsAndPathsAreReported() {
        List<String> problems = EndpointCheck.problems(Real.ROOT, Real.fixture("endpoints-wrong"), Real.SERVICES);
        assertHas(problems, "Deployment/intake-service (app.yaml): no containerPort 8081");
        assertHas(problems, "livenessProbe path /healthz is not a health endpoint");
        assertHas(problems, "livenessProbe port http is not the HTTP port 8081");
        assertHas(problems, "readinessProbe missing");
        assertHas(problems, "prometheus.io annotations do not point at /q/metrics on 8081");
        assertHas(problems, "Service/intake-service (app.yaml): targetPort 8080 is not the HTTP port 8081");
        assertHas(problems, "compose intake-service: ports [8080] are not 8081");
        assertHas(problems, "compose intake-service: healthcheck localhost:8082/q/health/ready is not a health endpoint on 8081");
        assertHas(problems, "prometheus.yml: no job scraping intake-service:8081/q/metrics");
        assertHas(problems, "prometheus.yml: no job scraping routing-service:8082/q/metrics");
    }
}
