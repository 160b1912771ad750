package io.tierline.platform.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * How a service's dead letters are read and replayed.
 *
 * @param service          the service's short name (e.g. {@code routing}), shown as the consumer
 * @param topic            its dead-letter topic ({@code Topics.dlq(service)})
 * @param clientProperties Kafka client properties both clients start from: at least {@code bootstrap.servers},
 *                         plus any {@code security.*}, {@code sasl.*}, {@code ssl.*} the service's broker needs
 * @param listLimit        the most dead letters one listing answers (also the default page size)
 * @param valueLimit       the most characters of a record's value shown
 * @param timeout          how long a read may make no progress, and how long a replay waits for the broker's ack
 */
public record DeadLetterSettings(String service, String topic, Map<String, Object> clientProperties, int listLimit,
        int valueLimit, Duration timeout) {

    public DeadLetterSettings {
        clientProperties = Map.copyOf(clientProperties);
        if (listLimit < 1) {
            throw new IllegalArgumentException("listLimit must be at least 1");
        }
        if (valueLimit < 0) {
            throw new IllegalArgumentException("valueLimit must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * The Kafka client properties of a service's {@code kafka.*} configuration that both clients need:
     * {@code bootstrap.servers} and the connection's {@code security.*}, {@code sasl.*} and {@code ssl.*}.
     */
    public static Map<String, Object> kafkaClientProperties(Config config) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", config.getValue("kafka.bootstrap.servers", String.class));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.security.") || name.startsWith("kafka.sasl.") || name.startsWith("kafka.ssl.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> props.put(name.substring(6), v));
            }
        }
        return props;
    }
}
