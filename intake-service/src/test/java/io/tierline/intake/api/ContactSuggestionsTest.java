package io.tierline.intake.api;

import static io.restassured.RestAssured.given;
import static io.tierline.intake.api.ContactBodies.email;
import static io.tierline.intake.api.ContactBodies.post;
import static io.tierline.intake.api.ContactBodies.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Topics;
import io.tierline.intake.TestGateway;
import io.tierline.intake.kb.api.KbArticles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 202 answer of POST /contacts carries the knowledge-base articles that match the contact. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class ContactSuggestionsTest {

    private final KafkaProbe probe = KafkaProbe.shared();
    private String word;
    private String category;
    private String articleId;

    @BeforeEach
    void anArticleInItsOwnCategory() {
        word = KbArticles.uniqueWord();
        category = KbArticles.uniqueWord();
        articleId = KbArticles.uniqueId();
        var article = KbArticles.article("Reset the " + word + " gadget",
                "Hold the button of the " + word + " gadget for ten seconds to reset it.");
        article.put("categories", List.of(category));
        KbArticles.put(articleId, article).statusCode(201);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private Map<String, Object> contact(String subject, String message, String categoryHint) {
        var body = email(unique("cust"));
        body.put("subject", subject);
        body.put("message", message);
        body.put("category", categoryHint);
        return body;
    }

    @Test
    void aMatchingContactIsAnsweredWithTheArticleAndARepeatAgain() {
        String key = unique("key");
        var body = contact("My " + word, "The " + word + " gadget needs a reset", category);

        String contactId = post(key, body).statusCode(202)
                .body("category", equalTo(category))
                .body("suggestions.size()", equalTo(1))
                .body("suggestions[0].id", equalTo(articleId))
                .body("suggestions[0].title", equalTo("Reset the " + word + " gadget"))
                .body("suggestions[0].score", greaterThanOrEqualTo(1.0f))
                .body("suggestions[0].snippet", containsString(word + " gadget"))
                .extract().path("contactId");

        post(key, body).statusCode(202)
                .body("contactId", equalTo(contactId))
                .body("suggestions[0].id", equalTo(articleId));

        TestGateway.given().get("/contacts/{id}", contactId).then().statusCode(200).body("$", not(hasKey("suggestions")));
        String event = probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, Duration.ofSeconds(30)).get(0).value();
        assertFalse(event.contains(articleId), "suggestions stay out of the event");
    }

    @Test
    void noSuggestionsWhenNothingMatches() {
        post(unique("key"), contact("Hello", "Is anybody there?", category)).statusCode(202)
                .body("suggestions", empty());
    }

    @Test
    void aClassifiedContactGetsOnlyArticlesOfItsCategory() {
        post(unique("key"), contact("My " + word, "The " + word + " gadget needs a reset", "other-category"))
                .statusCode(202)
                .body("category", equalTo("other-category"))
                .body("suggestions", empty());
    }

    @Test
    void anotherLanguageGetsNoEnglishArticles() {
        var body = contact("Mein " + word, "Das " + word + " Gerät braucht einen Reset", category);
        body.put("language", "de");
        post(unique("key"), body).statusCode(202).body("suggestions", empty());
    }
}
