package io.tierline.intake;

import java.time.Instant;

/**
 * The customer's satisfaction survey (CSAT) of a contact: at most one per contact.
 *
 * @param eventId the id of its {@code SurveySubmitted} event
 * @param comment free text (personal data: never logged), or null
 */
public record Survey(String eventId, int score, String comment, Instant submittedAt) {

    @Override
    public String toString() {
        return "Survey[eventId=" + eventId + ", score=" + score + "]";
    }
}
