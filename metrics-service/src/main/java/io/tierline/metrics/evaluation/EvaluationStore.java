package io.tierline.metrics.evaluation;

import java.util.Optional;

/** Where evaluations are kept, one per evaluationId. */
public interface EvaluationStore {

    /** @return false when an evaluation with that id is already stored (nothing is written) */
    boolean insertIfAbsent(Evaluation evaluation);

    Optional<Evaluation> find(String evaluationId);

    void markPublished(String evaluationId);
}
