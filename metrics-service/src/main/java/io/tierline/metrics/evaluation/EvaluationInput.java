package io.tierline.metrics.evaluation;

import java.util.Map;

/**
 * What a supervisor evaluated: the handled contact, its agent (and queue and tier where known), the score and
 * per-criterion scores (0..100), and who evaluated. Two posts with the same evaluationId must carry equal inputs.
 */
public record EvaluationInput(String contactId, String agentId, String queueId, Integer tier, int score,
        Map<String, Integer> criteria, String evaluator) {

    public EvaluationInput {
        criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
    }
}
