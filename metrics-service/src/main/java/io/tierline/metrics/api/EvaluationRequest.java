package io.tierline.metrics.api;

import java.util.Map;

/** The body of {@code POST /evaluations}. Validated by {@link EvaluationRequestValidator}. */
public record EvaluationRequest(String evaluationId, String contactId, String agentId, String queueId, Integer tier,
        Integer score, Map<String, Integer> criteria, String evaluator) {
}
