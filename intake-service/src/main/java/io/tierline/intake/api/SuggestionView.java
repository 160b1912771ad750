package io.tierline.intake.api;

/** A self-service article that may answer the contact (the knowledge base arrives with a later issue). */
public record SuggestionView(String articleId, String title) {
}
