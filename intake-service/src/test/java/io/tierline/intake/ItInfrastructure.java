package io.tierline.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.tierline.embedded.EmbeddedKafka;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.FreePorts;
import io.tierline.embedded.KafkaProbe;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    private static final String CONTACT_RECEIVED = "io.tierline.ContactReceived";

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

    /**
     * Waits until no stored contact is PENDING (the re-publisher's work), then checks that every contact stored,
     * and every one answered 202, is on {@code contacts.received} exactly once (and nothing else is).
     */
    void assertEveryContactPublishedOnce(Collection<String> accepted) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> contacts().countDocuments(Filters.eq("publishState", "PENDING")) == 0);
        Set<String> stored = new HashSet<>();
        contacts().find().projection(Projections.include("_id")).batchSize(1000)
                .forEach(doc -> stored.add(doc.getString("_id")));
        Map<String, Integer> records = receivedRecordsByContact(stored.size());
        for (String contactId : accepted) {
            assertTrue(records.containsKey(contactId), "answered 202 but not on the topic: " + contactId);
        }
        assertEquals(stored, records.keySet(), "every stored contact is on the topic, and nothing else");
        records.forEach((contactId, count) ->
                assertEquals(1, count, contactId + " is on the topic " + count + " times"));
    }

    /** How many ContactReceived records each contactId has on the topic (read until at least {@code expected}). */
    private Map<String, Integer> receivedRecordsByContact(int expected) {
        try (KafkaProbe probe = new KafkaProbe(bootstrapServers())) {
            var records = probe.await(Topics.CONTACTS_RECEIVED,
                    r -> CONTACT_RECEIVED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), expected,
                    Duration.ofSeconds(60));
            Map<String, Integer> byContact = new HashMap<>();
            records.forEach(r -> byContact.merge(r.key(), 1, Integer::sum));
            return byContact;
        }
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
