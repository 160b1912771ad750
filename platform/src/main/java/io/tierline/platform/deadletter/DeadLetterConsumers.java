package io.tierline.platform.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which consumer (channel and group) of a service reads each topic, from the service's
 * {@code mp.messaging.incoming.<channel>.*} configuration: every channel whose failure strategy puts records on
 * the given dead-letter topic.
 */
public final class DeadLetterConsumers {

    private static final String INCOMING = "mp.messaging.incoming.";

    private DeadLetterConsumers() {
    }

    /** Original topic -> consumer, for the channels that dead-letter to {@code deadLetterTopic}. */
    public static Map<String, DeadLetterConsumer> fromConfig(Config config, String service, String deadLetterTopic) {
        Map<String, DeadLetterConsumer> byTopic = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING) || !name.endsWith(".failure-strategy")) {
                continue;
            }
            String channel = name.substring(INCOMING.length(), name.length() - ".failure-strategy".length());
            String prefix = INCOMING + channel + ".";
            if (!"dead-letter-queue".equals(value(config, name).orElse(null))) {
                continue;
            }
            // SmallRye's default dead-letter topic is dead-letter-topic-<channel>
            String dlq = value(config, prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + channel);
            if (!dlq.equals(deadLetterTopic)) {
                continue;
            }
            String topic = value(config, prefix + "topic").orElse(channel);
            String group = value(config, prefix + "group.id").orElse(null);
            byTopic.putIfAbsent(topic, new DeadLetterConsumer(service, channel, group));
        }
        return Map.copyOf(byTopic);
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (RuntimeException e) {
            // an expression that does not resolve here: treat as absent
            return Optional.empty();
        }
    }
}
