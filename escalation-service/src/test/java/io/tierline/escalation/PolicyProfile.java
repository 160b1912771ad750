package io.tierline.escalation;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tests that change the tier policy in effect run on a database of their own, so that the tests on the shipped
 * policy (version 1) see it whatever ran before them.
 */
public class PolicyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mongodb.database", "tierline-escalation-policy-tests");
    }
}
