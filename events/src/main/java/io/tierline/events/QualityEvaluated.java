package io.tierline.events;

import java.time.Instant;
import java.util.Map;

/**
 * A supervisor's quality (QA) evaluation of a handled contact, posted to metrics-service and published on
 * {@code contacts.evaluations}. {@code score} is 0..100; {@code criteria} holds per-criterion scores 0..100
 * (e.g. {@code greeting}, {@code resolution}). One evaluation per {@code evaluationId}; a contact may be
 * evaluated more than once (by different evaluators).
 */
public record QualityEvaluated(
        String eventId,
        String contactId,
        Instant occurredAt,
        String evaluationId,
        String agentId,
        String queueId,
        Integer tier,
        int score,
        Map<String, Integer> criteria,
        String evaluator) implements TierlineEvent {

    public QualityEvaluated {
        criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
    }

    @Override
    public String key() {
        return contactId;
    }
}
