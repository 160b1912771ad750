package io.tierline.platform.deadletter;

import com.mongodb.client.MongoClient;
import io.tierline.events.Topics;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's dead letters for {@code /ops/dead-letters}: the topic is {@code <service>.dlq}, the service being
 * {@code quarkus.application.name} without its {@code -service} suffix (e.g. {@code routing.dlq}).
 */
public class DeadLetterSetup {

    @Produces
    @Singleton
    DeadLetters deadLetters(Config config, MongoClient mongo,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, DeadLetterConfig settings) {
        String service = application.endsWith("-service")
                ? application.substring(0, application.length() - "-service".length()) : application;
        String topic = Topics.dlq(service);
        return new DeadLetters(
                new DeadLetterSettings(service, topic, DeadLetterSettings.kafkaClientProperties(config),
                        settings.listLimit(), settings.valueLimit(), settings.timeout()),
                DeadLetterConsumers.fromConfig(config, service, topic),
                new ReplayStore(mongo.getDatabase(database).getCollection(ReplayStore.COLLECTION)),
                Clock.systemUTC());
    }

    void close(@Disposes DeadLetters deadLetters) {
        deadLetters.close();
    }
}
