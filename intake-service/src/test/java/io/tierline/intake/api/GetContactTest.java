package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.postAccepted;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class GetContactTest {

    @Test
    void answersWhatIntakeKnowsAboutAContact() {
        String customerId = unique("cust");
        var body = email(customerId);
        String contactId = postAccepted(body);

        given().when().get("/contacts/{id}", contactId)
                .then()
                .statusCode(200)
                .body("contactId", equalTo(contactId))
                .body("status", equalTo("RECEIVED"))
                .body("channel", equalTo("EMAIL"))
                .body("customer.id", equalTo(customerId))
                .body("customer.segment", equalTo("STANDARD"))
                .body("language", equalTo("en"))
                .body("subject", equalTo("My invoice"))
                .body("category", equalTo("general"))
                .body("priority", equalTo("NORMAL"))
                .body("email.from", equalTo("ann@example.com"))
                .body("phone", nullValue())
                .body("attributes.source", equalTo("test"))
                .body("publishState", equalTo("PUBLISHED"));
    }

    @Test
    void anUnknownContactIs404ProblemJson() {
        given().when().get("/contacts/{id}", unique("C-missing"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
