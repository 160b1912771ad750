package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies and calls for the intake tests; every id and key is unique per call. */
final class ContactBodies {

    private ContactBodies() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A valid EMAIL contact of a STANDARD customer, with nothing optional that has a default. */
    static Map<String, Object> email(String customerId) {
        var customer = new LinkedHashMap<String, Object>();
        customer.put("id", customerId);
        customer.put("name", "Ann Example");
        customer.put("email", "ann@example.com");
        var details = new LinkedHashMap<String, Object>();
        details.put("from", "ann@example.com");
        details.put("messageId", unique("msg"));
        var body = new LinkedHashMap<String, Object>();
        body.put("channel", "EMAIL");
        body.put("customer", customer);
        body.put("subject", "My invoice");
        body.put("message", "The invoice of March is wrong.");
        body.put("gatewayRef", unique("gw"));
        body.put("attributes", new LinkedHashMap<>(Map.of("source", "test")));
        body.put("email", details);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> customer(Map<String, Object> body) {
        return (Map<String, Object>) body.get("customer");
    }

    static ValidatableResponse post(String idempotencyKey, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).when().post("/contacts").then();
    }

    /** Posts a valid contact and returns its contactId. */
    static String postAccepted(Map<String, Object> body) {
        return post(unique("key"), body).statusCode(202).extract().path("contactId");
    }
}
