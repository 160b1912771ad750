package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClients;
import io.tierline.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @TempDir
    Path data;

    @Test
    void kafkaKeepsTopicsAndRecordsAcrossARestartOnTheSameLogDir() {
        int port = FreePorts.next();
        int controller = FreePorts.next();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(port, controller, data.resolve("kafka")).createCatalogueTopics(2);
             KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers())) {
            probe.send(Topics.CONTACTS_RECEIVED, "c-1", "{\"hello\":1}");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(port, controller, data.resolve("kafka")).createCatalogueTopics(2);
             KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers())) {
            var records = probe.awaitKey(Topics.CONTACTS_RECEIVED, "c-1", 1, Duration.ofSeconds(20));
            assertEquals(1, records.size());
            assertEquals("{\"hello\":1}", records.get(0).value());
        }
    }

    @Test
    void mongoOnDiskKeepsDocumentsAcrossARestart() {
        Path file = data.resolve("mongo").resolve("store.mv");
        int port = FreePorts.next();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, file);
             var client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "a").append("n", 1));
        }
        assertTrue(Files.exists(file));
        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, file);
             var client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("t").getCollection("c").find(new Document("_id", "a")).first();
            assertEquals(1, found.getInteger("n"));
        }
    }
}
