package io.tierline.intake.kb.api;

import java.util.List;

/** The answer to {@code GET /kb/search}: the hits, best first. */
public record KbSearchAnswer(List<KbHitView> hits) {
}
