package io.tierline.intake.api;

import static io.tierline.intake.TestStaff.asAdmin;
import static io.tierline.intake.api.ContactBodies.post;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tierline.embedded.TierlineTestInfra;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local demo: with {@code tierline.intake.kb.seed=true} and an empty database, the sample articles are
 * loaded and indexed on start, and the README's demo contact is answered with a suggestion.
 */
@QuarkusTest
@TestProfile(SeededKnowledgeBaseTest.Seeded.class)
@QuarkusTestResource(TierlineTestInfra.class)
class SeededKnowledgeBaseTest {

    /** Seeding on, in a database of its own (so it starts empty). */
    public static class Seeded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tierline.intake.kb.seed", "true",
                    "quarkus.mongodb.database", "tierline-intake-seeded-" + UUID.randomUUID());
        }
    }

    @Test
    void theSampleArticlesAreLoadedOnStartAndSuggested() {
        asAdmin().queryParam("language", "de").get("/kb/articles").then().statusCode(200)
                .body("id", hasItems("de-rueckerstattung", "de-rechnung"));
        asAdmin().queryParam("q", "Rechnungen").queryParam("language", "de").get("/kb/search").then().statusCode(200)
                .body("hits[0].id", equalTo("de-rechnung"));

        var body = new LinkedHashMap<String, Object>(Map.of(
                "channel", "CHAT", "language", "en", "subject", "Refund", "message", "My refund never arrived",
                "customer", Map.of("id", unique("cust")), "chat", Map.of("sessionId", unique("s"))));
        post(unique("key"), body).statusCode(202)
                .body("category", equalTo("billing"))
                .body("suggestions[0].id", equalTo("en-refund-status"));
    }
}
