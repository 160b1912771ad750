package io.tierline.intake.api;

import static io.tierline.intake.TestGateway.given;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.tierline.intake.TestStaff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Rules from a file, re-read by the scheduled check when it changes; a broken file never takes effect. */
@QuarkusTest
@TestProfile(RulesHotReloadTest.RulesFile.class)
@QuarkusTestResource(TierlineTestInfra.class)
class RulesHotReloadTest {

    /** One file per test JVM; a system property, because the profile and the test may sit in two class loaders. */
    static final Path FILE = file();

    private static synchronized Path file() {
        String known = System.getProperty("tierline.test.rules-file");
        if (known != null) {
            return Path.of(known);
        }
        try {
            Path created = Files.createTempFile("classification-rules-", ".json");
            created.toFile().deleteOnExit();
            System.setProperty("tierline.test.rules-file", created.toString());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class RulesFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            write(document("file-1", "refund", "billing"));
            return Map.of(
                    "tierline.intake.classification.rules-file", FILE.toString(),
                    "tierline.intake.classification.reload-every", "1s");
        }
    }

    @Test
    void aChangedFileTakesEffectAndABrokenOneIsRefusedWhileThePreviousRulesStay() {
        write(document("file-1", "refund", "billing"));
        awaitVersion("file-1");
        TestStaff.asAdmin().get("/classification-rules").then().body("source", endsWith(FILE.getFileName().toString()));
        category("Where is my refund?", "billing");

        write(document("file-2", "chargeback", "payments"));
        awaitVersion("file-2");
        category("A chargeback was made", "payments");
        category("Where is my refund?", "general");

        write("""
                {"version": "file-3", "categories": [{"name": "broken-rule", "category": "x"}]}
                """);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                TestStaff.asAdmin().get("/classification-rules").then()
                        .body("lastRefused.message", containsString("rule 'broken-rule'")));
        TestStaff.asAdmin().get("/classification-rules").then().body("version", equalTo("file-2"));
        category("A chargeback was made", "payments");

        write(document("file-4", "refund", "billing"));
        awaitVersion("file-4");
        TestStaff.asAdmin().get("/classification-rules").then().body("lastRefused", nullValue());
    }

    private static void awaitVersion(String version) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                TestStaff.asAdmin().get("/classification-rules").then().statusCode(200).body("version", equalTo(version)));
    }

    private static void category(String message, String expected) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", unique("key"))
                .body(Map.of("channel", "SMS", "customer", Map.of("id", unique("cust")), "message", message,
                        "sms", Map.of("from", "+100")))
                .when().post("/contacts")
                .then().statusCode(202).body("category", equalTo(expected));
    }

    static String document(String version, String keyword, String category) {
        return """
                {"version": "%s",
                 "categories": [{"name": "kw", "category": "%s", "keywords": ["%s"]}],
                 "priorities": [{"name": "vip", "segment": "VIP", "priority": "HIGH"}],
                 "repeatRaisesPriority": false}
                """.formatted(version, category, keyword);
    }

    static void write(String json) {
        try {
            Files.writeString(FILE, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
