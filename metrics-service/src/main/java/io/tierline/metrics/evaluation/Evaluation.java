package io.tierline.metrics.evaluation;

import io.tierline.events.QualityEvaluated;
import java.time.Instant;

/**
 * A stored QA evaluation. {@code eventId} is fixed when it is first stored, so re-publishing it after a failed
 * publish is the same event (the topology drops the duplicate); {@code published} once the broker acknowledged.
 */
public record Evaluation(String evaluationId, String eventId, EvaluationInput input, Instant evaluatedAt,
        boolean published) {

    public QualityEvaluated toEvent() {
        return new QualityEvaluated(eventId, input.contactId(), evaluatedAt, evaluationId, input.agentId(),
                input.queueId(), input.tier(), input.score(), input.criteria(), input.evaluator());
    }

    public Evaluation asPublished() {
        return new Evaluation(evaluationId, eventId, input, evaluatedAt, true);
    }
}
