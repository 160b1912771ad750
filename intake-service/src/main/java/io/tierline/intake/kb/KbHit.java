package io.tierline.intake.kb;

/** One ranked search hit: its BM25 score (higher is better) and a short snippet of the body. */
public record KbHit(String id, String title, String language, float score, String snippet) {
}
