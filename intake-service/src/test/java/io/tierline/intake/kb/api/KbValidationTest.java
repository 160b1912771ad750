package io.tierline.intake.kb.api;

import static io.tierline.intake.TestStaff.asAdmin;
import static io.tierline.intake.kb.api.KbArticles.article;
import static io.tierline.intake.kb.api.KbArticles.put;
import static io.tierline.intake.kb.api.KbArticles.search;
import static io.tierline.intake.kb.api.KbArticles.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.TierlineTestInfra;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every invalid request is a 400 problem+json naming each field; nothing is written. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KbValidationTest {

    private static List<String> fields(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("violations.field", String.class);
    }

    private static void assertNotStored(String id) {
        asAdmin().get("/kb/articles/{id}", id).then().statusCode(404);
    }

    @Test
    void everyInvalidFieldOfAnArticleIsNamedAtOnce() {
        String id = uniqueId();
        var body = new HashMap<String, Object>();
        body.put("title", " ");
        body.put("language", "xx");
        body.put("categories", Collections.nCopies(21, "billing"));
        body.put("tags", List.of("ok", " "));
        assertEquals(List.of("body", "categories", "language", "published", "tags[1]", "title"),
                fields(put(id, body)));
        assertNotStored(id);
    }

    @Test
    void sizeLimits() {
        String id = uniqueId();
        var body = article("t".repeat(KbArticleRequest.MAX_TITLE + 1), "b".repeat(KbArticleRequest.MAX_BODY + 1));
        body.put("categories", List.of("c".repeat(101)));
        body.put("tags", Collections.nCopies(51, "tag"));
        assertEquals(List.of("body", "categories[0]", "tags", "title"), fields(put(id, body)));
        assertNotStored(id);
    }

    @Test
    void anUnknownChannelOrAWrongTypeIsNamed() {
        var body = article("Title", "Body");
        body.put("channels", List.of("FAX"));
        assertEquals(List.of("channels[0]"), fields(put(uniqueId(), body)));
        var typed = article("Title", "Body");
        typed.put("published", "yes");
        assertEquals(List.of("published"), fields(put(uniqueId(), typed)));
    }

    @Test
    void theIdMustBeAPlainName() {
        assertEquals(List.of("id"), fields(put("bad id!", article("Title", "Body"))));
        assertEquals(List.of("id"), fields(put("x".repeat(101), article("Title", "Body"))));
        assertEquals(List.of("id"), fields(asAdmin().get("/kb/articles/{id}", "bad id!").then()));
    }

    @Test
    void aMissingMalformedOrNonJsonBodyIsRefused() {
        String id = uniqueId();
        assertEquals(List.of("body"), fields(asAdmin().contentType(ContentType.JSON).put("/kb/articles/{id}", id)
                .then()));
        assertEquals(List.of("body"), fields(asAdmin().contentType(ContentType.JSON).body("{\"title\": ")
                .put("/kb/articles/{id}", id).then()));
        asAdmin().contentType(ContentType.TEXT).body("title").put("/kb/articles/{id}", id).then().statusCode(415)
                .contentType("application/problem+json");
        assertNotStored(id);
    }

    @Test
    void aLanguageInUpperCaseIsTakenInLowerCase() {
        var body = article("Title", "Body");
        body.put("language", "DE");
        put(uniqueId(), body).statusCode(201).body("language", equalTo("de"));
    }

    @Test
    void invalidSearchParametersAreNamed() {
        assertEquals(List.of("q"), fields(search(Map.of())));
        assertEquals(List.of("q"), fields(search(Map.of("q", " "))));
        assertEquals(List.of("q"), fields(search(Map.of("q", "a".repeat(501)))));
        assertEquals(List.of("limit"), fields(search(Map.of("q", "refund", "limit", "abc"))));
        assertEquals(List.of("limit"), fields(search(Map.of("q", "refund", "limit", "0"))));
        assertEquals(List.of("limit"), fields(search(Map.of("q", "refund", "limit", "51"))));
        assertEquals(List.of("channel", "language"),
                fields(search(Map.of("q", "refund", "language", "english", "channel", "FAX"))));
        assertEquals(List.of("category", "limit"), fields(asAdmin().queryParam("category", "c".repeat(101))
                .queryParam("limit", "501").get("/kb/articles").then()));
    }
}
