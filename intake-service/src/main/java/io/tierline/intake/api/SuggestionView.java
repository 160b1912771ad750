package io.tierline.intake.api;

/** A knowledge-base article that may answer the contact: its BM25 score (three decimals) and a snippet. */
public record SuggestionView(String id, String title, double score, String snippet) {
}
