package io.tierline.metrics.evaluation;

import io.tierline.events.EventIds;
import io.tierline.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes in a QA evaluation once per evaluationId: store it unpublished, publish {@code QualityEvaluated}, mark
 * it published. The same id again with the same input answers the stored evaluation (publishing it first if
 * that never succeeded); with another input it is a 409.
 */
@ApplicationScoped
public class Evaluations {

    private static final Logger LOG = Logger.getLogger(Evaluations.class);

    /** What {@link #submit} did: the evaluation, and whether this call created it. */
    public record Outcome(Evaluation evaluation, boolean created) {
    }

    private final EvaluationStore store;
    private final EvaluationEvents events;
    private final Clock clock;

    public Evaluations(EvaluationStore store, EvaluationEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Outcome submit(String evaluationId, EvaluationInput input) {
        Optional<Evaluation> known = store.find(evaluationId);
        if (known.isPresent()) {
            return new Outcome(replay(known.get(), input), false);
        }
        var evaluation = new Evaluation(evaluationId, EventIds.derive("evaluation", evaluationId), input,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), false);
        if (!store.insertIfAbsent(evaluation)) {
            Evaluation winner = store.find(evaluationId)
                    .orElseThrow(() -> new IllegalStateException("duplicate evaluationId but no evaluation"));
            return new Outcome(replay(winner, input), false);
        }
        LOG.infof("evaluation %s of contact %s stored", evaluationId, input.contactId());
        return new Outcome(publish(evaluation), true);
    }

    public Optional<Evaluation> find(String evaluationId) {
        return store.find(evaluationId);
    }

    private Evaluation replay(Evaluation known, EvaluationInput input) {
        if (!known.input().equals(input)) {
            throw ProblemException.conflict("evaluation " + known.evaluationId()
                    + " was already posted with other content; use a new evaluationId or Idempotency-Key");
        }
        return known.published() ? known : publish(known);
    }

    private Evaluation publish(Evaluation evaluation) {
        events.publish(evaluation.toEvent());
        store.markPublished(evaluation.evaluationId());
        return evaluation.asPublished();
    }
}
