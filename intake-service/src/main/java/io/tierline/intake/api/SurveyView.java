package io.tierline.intake.api;

import java.time.Instant;

/** A contact's survey in {@code GET /contacts/{contactId}}. */
public record SurveyView(int score, String comment, Instant submittedAt) {
}
