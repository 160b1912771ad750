package io.tierline.deploy;

import static io.tierline.deploy.KubernetesModelTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrafanaTest {

    private static final Set<String> METERS = DashboardCheck.meters(Real.ROOT, Real.SERVICES);

    @Test
    void theDashboardQueriesOnlyMetricsTheServicesRegister() {
        assertTrue(METERS.contains("tierline_routing_queue_depth") && METERS.contains("tierline_kpi"), METERS.toString());
        assertEquals(List.of(), DashboardCheck.problems(Real.DEPLOY_DIR.resolve("grafana"), METERS));
    }

    @Test
    void unknownMetricsAndDatasourcesAreReported() {
        List<String> problems = DashboardCheck.problems(DeployPaths.fixture("grafana-wrong").resolve("grafana"), METERS);
        assertHas(problems, "metric tierline_routing_queue_dept is registered by no service");
        assertHas(problems, "datasource someone-elses is not provisioned");
        assertEquals(2, problems.size(), problems.toString());
    }
}
