package io.tierline.intake.kb.api;

import static io.restassured.RestAssured.given;
import static io.tierline.intake.TestStaff.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Article bodies and calls for the knowledge-base tests; ids and search words are unique per call. */
public final class KbArticles {

    private KbArticles() {
    }

    public static String uniqueId() {
        return "t-" + UUID.randomUUID();
    }

    /** A word no other test uses: letters only, so every analyser keeps it whole. */
    public static String uniqueWord() {
        var word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    /** A valid published English article without categories. */
    public static Map<String, Object> article(String title, String body) {
        var article = new LinkedHashMap<String, Object>();
        article.put("title", title);
        article.put("body", body);
        article.put("language", "en");
        article.put("categories", List.of());
        article.put("tags", List.of());
        article.put("published", true);
        return article;
    }

    public static ValidatableResponse put(String id, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).when().put("/kb/articles/{id}", id).then();
    }

    public static ValidatableResponse search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/kb/search").then();
    }

    public static ValidatableResponse delete(String id) {
        return asAdmin().when().delete("/kb/articles/{id}", id).then();
    }
}
