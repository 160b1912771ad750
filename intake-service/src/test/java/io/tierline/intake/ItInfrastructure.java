package io.tierline.intake;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tierline.embedded.EmbeddedKafka;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A failsafe IT's own broker and store (in the test JVM), for the packaged intake it runs: the broker keeps its
 * log under target/ so that it can be stopped and started again on the same ports. A JUnit extension
 * ({@code @RegisterExtension static final ItInfrastructure infra = new ItInfrastructure();}) started before the
 * class's tests and stopped after them; {@link #start()}/{@link #close()} for other engines.
 */
final class ItInfrastructure implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final int kafkaPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private EmbeddedMongo mongo;
    private MongoClient mongoClient;
    private Path kafkaLog;
    private EmbeddedKafka kafka;

    /** Starts the store and the broker. */
    ItInfrastructure start() throws IOException {
        mongo = EmbeddedMongo.start(0, null);
        mongoClient = MongoClients.create(mongo.connectionString());
        kafkaLog = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "it-kafka-");
        kafka = EmbeddedKafka.start(kafkaPort, controllerPort, kafkaLog).createCatalogueTopics(3);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The environment of an intake on this broker and store (see {@link IntakeProcess#env}). */
    Map<String, String> env() {
        return IntakeProcess.env(bootstrapServers(), mongo.connectionString());
    }

    /** {@link #env()} with a re-publisher that runs every second on contacts pending for 2 s. */
    Map<String, String> eagerRepublisherEnv() {
        var env = env();
        env.put("TIERLINE_INTAKE_REPUBLISH_EVERY", "1s");
        env.put("TIERLINE_INTAKE_REPUBLISH_AFTER", "PT2S");
        return env;
    }

    /** Intake's collection {@code contacts}. */
    MongoCollection<Document> contacts() {
        return mongoClient.getDatabase("tierline-intake").getCollection("contacts");
    }

    void stopBroker() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and log. */
    void restartBroker() {
        kafka = EmbeddedKafka.start(kafkaPort, controllerPort, kafkaLog);
    }

    @Override
    public void close() {
        mongoClient.close();
        kafka.close();
        mongo.close();
    }
}
