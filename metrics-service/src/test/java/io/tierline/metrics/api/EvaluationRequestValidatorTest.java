package io.tierline.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationRequestValidatorTest {

    static EvaluationRequest valid() {
        return new EvaluationRequest(null, "C-1", "alice", "l1-chat", 1, 85, Map.of("greeting", 90), "sup-1");
    }

    @Test
    void aCompleteRequestWithAKeyOrAnIdPasses() {
        EvaluationRequestValidator.validate("key-1", valid());
        EvaluationRequestValidator.validate(null, new EvaluationRequest("ev-1", "C-1", "alice", null, null, 0, null,
                "sup-1"));
        EvaluationRequestValidator.validate(null, new EvaluationRequest("ev-1", "C-1", "alice", null, 3, 100,
                Map.of("a", 0, "b", 100), "sup-1"));
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        Map<String, Integer> criteria = new LinkedHashMap<>();
        criteria.put("greeting", 101);
        criteria.put("tone", null);
        var r = new EvaluationRequest(" ", null, "", "q", 4, -1, criteria, null);
        assertEquals(List.of("evaluationId", "contactId", "agentId", "evaluator", "tier", "score", "criteria.greeting",
                "criteria.tone"), fields(null, r));
    }

    @Test
    void withoutAnIdOrAKeyTheEvaluationIdIsRequired() {
        assertEquals(List.of("evaluationId"), fields(null, valid()));
        assertEquals(List.of("evaluationId", "Idempotency-Key"), fields(" ", valid()));
    }

    @Test
    void theScoreIsRequiredAndBetweenZeroAndHundred() {
        assertEquals(List.of("score"), fields("k", new EvaluationRequest(null, "C-1", "a", null, null, null, null, "s")));
        assertEquals(List.of("score"), fields("k", new EvaluationRequest(null, "C-1", "a", null, null, 101, null, "s")));
        assertEquals(List.of("body"), fields("k", null));
    }

    private static List<String> fields(String key, EvaluationRequest r) {
        var e = assertThrows(ProblemException.class, () -> EvaluationRequestValidator.validate(key, r));
        assertEquals(400, e.problem().status());
        return e.problem().violations().stream().map(Violation::field).toList();
    }
}
