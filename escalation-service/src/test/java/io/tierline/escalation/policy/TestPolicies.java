package io.tierline.escalation.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test policy document ({@code test-policy.json}): every kind of rule. */
public final class TestPolicies {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestPolicies() {
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
