package io.tierline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Kafka channel the services configure names a topic of the catalogue; every topic a service writes
 * is one the catalogue gives to that service alone; every consumer sends dead letters to its own topic.
 */
class ChannelCatalogueTest {

    @ParameterizedTest
    @ValueSource(strings = {"intake", "routing", "escalation", "metrics"})
    void channelsUseCatalogueTopicsAndASingleWriter(String service) throws IOException {
        Path root = Path.of(System.getProperty("tierline.root", ".."));
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root.resolve(service + "-service/src/main/resources/application.properties"))) {
            props.load(reader);
        }
        for (String name : props.stringPropertyNames()) {
            String value = props.getProperty(name).trim();
            if (name.startsWith("%")) {
                continue;
            }
            if (name.startsWith("mp.messaging.") && name.endsWith(".topic")) {
                assertTrue(Topics.all().contains(value), name + "=" + value + " is not in the topic catalogue");
                if (name.startsWith("mp.messaging.outgoing.")) {
                    assertEquals(service, Topics.writerOf(value), service + " writes " + value);
                }
            }
            if (name.endsWith(".dead-letter-queue.topic")) {
                assertEquals(Topics.dlq(service), value, name);
            }
            if (name.endsWith(".failure-strategy")) {
                assertFalse("ignore".equals(value) && !name.contains("fanout"),
                        name + ": a consumer that ignores failures loses records; use dead-letter-queue");
            }
        }
    }
}
