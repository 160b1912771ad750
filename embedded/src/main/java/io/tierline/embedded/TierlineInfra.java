package io.tierline.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure as one process: the Kafka broker and the MongoDB wire store, on disk
 * under a data folder. Arguments choose what to run: {@code kafka}, {@code mongodb}, or both when none is
 * given. Settings (environment): {@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT} (9093),
 * {@code MONGODB_PORT} (27017), {@code TIERLINE_DATA} (.tierline-data), {@code KAFKA_PARTITIONS} (3).
 * Prints one {@code READY} line when everything accepts connections; stops cleanly on SIGINT/SIGTERM.
 */
public final class TierlineInfra {

    private TierlineInfra() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(env("TIERLINE_DATA", ".tierline-data"));
        int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(env("KAFKA_CONTROLLER_PORT", "9093"));
        int mongoPort = Integer.parseInt(env("MONGODB_PORT", "27017"));
        int partitions = Integer.parseInt(env("KAFKA_PARTITIONS", "3"));

        var wanted = java.util.Set.of(args.length == 0 ? new String[] {"kafka", "mongodb"} : args);

        EmbeddedMongo mongo = wanted.contains("mongodb")
                ? EmbeddedMongo.start(mongoPort, data.resolve("mongo").resolve("tierline.mv"))
                : null;
        EmbeddedKafka kafka = wanted.contains("kafka")
                ? EmbeddedKafka.start(kafkaPort, controllerPort, data.resolve("kafka")).createCatalogueTopics(partitions)
                : null;

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (kafka != null) {
                kafka.close();
            }
            if (mongo != null) {
                mongo.close();
            }
            stopped.countDown();
        }, "tierline-infra-shutdown"));
        System.out.println("READY"
                + (kafka != null ? " kafka=" + kafka.bootstrapServers() : "")
                + (mongo != null ? " mongodb=" + mongo.connectionString() : "")
                + " data=" + data.toAbsolutePath());
        System.out.flush();
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
