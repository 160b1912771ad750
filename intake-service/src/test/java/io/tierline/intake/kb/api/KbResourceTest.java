package io.tierline.intake.kb.api;

import static io.tierline.intake.TestStaff.asAdmin;
import static io.tierline.intake.kb.api.KbArticles.article;
import static io.tierline.intake.kb.api.KbArticles.delete;
import static io.tierline.intake.kb.api.KbArticles.put;
import static io.tierline.intake.kb.api.KbArticles.search;
import static io.tierline.intake.kb.api.KbArticles.uniqueId;
import static io.tierline.intake.kb.api.KbArticles.uniqueWord;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KbResourceTest {

    private static List<String> hitIds(Map<String, ?> params) {
        return search(params).statusCode(200).extract().jsonPath().getList("hits.id", String.class);
    }

    @Test
    void aPutArticleIsStoredAndSearchableAtOnce() {
        String id = uniqueId();
        String word = uniqueWord();
        var body = article("Refund " + word, "When the " + word + " refund is due, the money goes back to the card.");
        body.put("categories", List.of("Billing"));
        body.put("tags", List.of("money back"));
        body.put("channels", List.of("CHAT"));

        put(id, body).statusCode(201)
                .header("Location", endsWith("/kb/articles/" + id))
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("categories", equalTo(List.of("billing")))
                .body("updatedAt", notNullValue());
        asAdmin().get("/kb/articles/{id}", id).then().statusCode(200)
                .body("title", equalTo("Refund " + word))
                .body("language", equalTo("en"))
                .body("tags", equalTo(List.of("money back")))
                .body("channels", equalTo(List.of("CHAT")))
                .body("published", equalTo(true))
                .body("version", equalTo(1));

        search(Map.of("q", word + "s", "language", "en")).statusCode(200)
                .body("hits.size()", equalTo(1))
                .body("hits[0].id", equalTo(id))
                .body("hits[0].title", equalTo("Refund " + word))
                .body("hits[0].language", equalTo("en"))
                .body("hits[0].score", greaterThan(0f))
                .body("hits[0].snippet", containsString(word + " refund is due"));
    }

    @Test
    void aReplacedArticleIsFoundByItsNewContentOnly() {
        String id = uniqueId();
        String before = uniqueWord();
        String after = uniqueWord();
        put(id, article("About " + before, "Text")).statusCode(201);
        put(id, article("About " + after, "Text")).statusCode(200).body("version", equalTo(2));

        assertEquals(List.of(), hitIds(Map.of("q", before)));
        assertEquals(List.of(id), hitIds(Map.of("q", after)));
    }

    @Test
    void searchFiltersByLanguageAndCategoryAndRanksTitleOverBody() {
        String word = uniqueWord();
        String cat = uniqueWord();
        String titleHit = uniqueId();
        String bodyHit = uniqueId();
        String german = uniqueId();
        put(bodyHit, article("Something else", "Mentions " + word + " in the body only.")).statusCode(201);
        put(titleHit, article("All about " + word, "Nothing more here.")).statusCode(201);
        var de = article("Alles über " + word, "Mehr steht hier nicht.");
        de.put("language", "de");
        de.put("categories", List.of(cat));
        put(german, de).statusCode(201);

        List<String> en = hitIds(Map.of("q", word, "language", "en"));
        assertEquals(List.of(titleHit, bodyHit), en);
        assertEquals(List.of(german), hitIds(Map.of("q", word, "language", "de")));
        assertEquals(List.of(german), hitIds(Map.of("q", word, "category", cat.toUpperCase())));
        assertEquals(3, hitIds(Map.of("q", word)).size());
        assertEquals(1, hitIds(Map.of("q", word, "limit", "1")).size());

        asAdmin().queryParam("language", "de").queryParam("category", cat).get("/kb/articles").then().statusCode(200)
                .body("id", equalTo(List.of(german)));
    }

    @Test
    void anUnpublishedArticleCanBeReadButIsNotSearched() {
        String id = uniqueId();
        String word = uniqueWord();
        var draft = article("Draft " + word, "Not yet.");
        draft.put("published", false);
        put(id, draft).statusCode(201);

        asAdmin().get("/kb/articles/{id}", id).then().statusCode(200).body("published", equalTo(false));
        assertEquals(List.of(), hitIds(Map.of("q", word)));
    }

    @Test
    void aDeletedArticleIsGoneFromReadsAndSearchAndMayBeCreatedAgain() {
        String id = uniqueId();
        String word = uniqueWord();
        put(id, article("Gone " + word, "Soon.")).statusCode(201);

        delete(id).statusCode(204);
        asAdmin().get("/kb/articles/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(List.of(), hitIds(Map.of("q", word)));
        delete(id).statusCode(404).contentType("application/problem+json");

        put(id, article("Back " + word, "Again.")).statusCode(201).body("version", equalTo(3));
        assertEquals(List.of(id), hitIds(Map.of("q", word)));
    }

    @Test
    void querySyntaxInTheSearchTextIsPlainText() {
        String id = uniqueId();
        String word = uniqueWord();
        put(id, article("Syntax " + word, "Body.")).statusCode(201);

        search(Map.of("q", "\"AND ( *")).statusCode(200).body("hits", empty());
        search(Map.of("q", "title_en:* OR [a TO z] ~ ^2 \\")).statusCode(200);
        assertEquals(List.of(id), hitIds(Map.of("q", "\"AND ( * " + word + " )")));
    }
}
