package io.tierline.routing.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Knows when the fan-out consumer has its partitions and its positions (the end of the topic) fixed: from then
 * on no new event can be missed, which is when the instance is ready to serve agents' streams.
 */
@ApplicationScoped
@Identifier(FanoutAssignment.NAME)
public class FanoutAssignment implements KafkaConsumerRebalanceListener {

    public static final String NAME = "routing-fanout";

    private final AtomicBoolean assigned = new AtomicBoolean();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(consumer::position);
        if (!partitions.isEmpty()) {
            assigned.set(true);
        }
    }

    public boolean assigned() {
        return assigned.get();
    }
}
