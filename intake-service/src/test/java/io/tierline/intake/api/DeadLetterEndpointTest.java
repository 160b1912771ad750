package io.tierline.intake.api;

import static io.tierline.intake.TestStaff.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import org.junit.jupiter.api.Test;

/** The shared dead-letter ops endpoint is wired here too, over this service's own topic. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeadLetterEndpointTest {

    @Test
    void listsThisServicesDeadLetterTopicAndNamesABadId() {
        asAdmin().get("/ops/dead-letters").then().statusCode(200).body("topic", equalTo("intake.dlq"));
        asAdmin().get("/ops/dead-letters/not-an-id").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
