package io.tierline.intake.store;

import java.time.Instant;

/** A contact's survey as stored. */
public record SurveyDocument(String eventId, int score, String comment, Instant submittedAt) {

    @Override
    public String toString() {
        return "SurveyDocument[eventId=" + eventId + "]";
    }
}
