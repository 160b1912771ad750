package io.tierline.metrics.evaluation;

import io.tierline.events.QualityEvaluated;
import io.tierline.events.Topics;
import io.tierline.metrics.config.MetricsConfig;
import io.tierline.platform.messaging.EventPublisher;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes {@code QualityEvaluated} on {@value Topics#CONTACTS_EVALUATIONS} (channel {@code contacts-evaluations}). */
@ApplicationScoped
public class EvaluationEvents {

    static final String SOURCE = "/tierline/metrics";

    private final EventPublisher publisher;

    public EvaluationEvents(@Channel("contacts-evaluations") Emitter<String> emitter, MetricsConfig config) {
        this.publisher = new EventPublisher(emitter, SOURCE, config.evaluations().publishTimeout());
    }

    /** @throws PublishFailedException when the broker did not acknowledge in time */
    public void publish(QualityEvaluated event) {
        publisher.sendAndAwait(event);
    }
}
