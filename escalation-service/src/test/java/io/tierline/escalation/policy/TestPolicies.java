package io.tierline.escalation.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tierline.escalation.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test policy document ({@code test-policy.json}): every kind of rule; and how the tests store a policy. */
public final class TestPolicies {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Who the tests say changes the policy ({@code X-Tierline-Author}). */
    public static final String AUTHOR = "ops.test";

    private TestPolicies() {
    }

    /** {@code PUT /policies} of a JSON document, by {@link #AUTHOR}. */
    public static Response put(String json) {
        return TestEvents.asAdmin().contentType(ContentType.JSON).header("X-Tierline-Author", AUTHOR).body(json)
                .put("/policies");
    }

    /** A text resource of the classpath (main or test), e.g. {@code policy/example-policy.yaml}. */
    public static String text(String resource) {
        try (InputStream in = TestPolicies.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of the test policy document. */
    public static ObjectNode document() {
        try (InputStream in = TestPolicies.class.getClassLoader().getResourceAsStream("test-policy.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
