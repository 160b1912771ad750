package io.tierline.escalation;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The engineering hand-off tests: a database of their own (they change the policy) and the test webhook. */
public class EngineeringProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mongodb.database", "tierline-escalation-engineering-tests");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WebhookServer.class));
    }
}
