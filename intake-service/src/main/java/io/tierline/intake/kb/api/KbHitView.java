package io.tierline.intake.kb.api;

/** One ranked search hit; {@code score} is the BM25 score rounded to three decimals. */
public record KbHitView(String id, String title, String language, double score, String snippet) {
}
