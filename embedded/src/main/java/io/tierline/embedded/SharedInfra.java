package io.tierline.embedded;

import io.tierline.identity.DevTokens;

/**
 * The one broker and store of a test JVM, started on first use, stopped when the JVM exits. Quarkus loads
 * test classes again for each test profile; the addresses are kept in system properties so that every
 * class loader of the JVM attaches to the same broker and store instead of starting another pair. {@link #tokens()}
 * is the JVM's token signer ({@link JvmTokens}).
 */
public record SharedInfra(EmbeddedKafka kafka, EmbeddedMongo mongo, DevTokens tokens) {

    private static final String KAFKA_PROPERTY = "tierline.test.kafka.bootstrap-servers";
    private static final String MONGO_PROPERTY = "tierline.test.mongodb.connection-string";

    private static SharedInfra instance;

    public static SharedInfra get() {
        synchronized (System.getProperties()) {
            if (instance == null) {
                instance = attachOrStart();
            }
            return instance;
        }
    }

    private static SharedInfra attachOrStart() {
        String bootstrap = System.getProperty(KAFKA_PROPERTY);
        String mongoUri = System.getProperty(MONGO_PROPERTY);
        if (bootstrap != null && mongoUri != null) {
            return new SharedInfra(EmbeddedKafka.attach(bootstrap), EmbeddedMongo.attach(mongoUri), JvmTokens.get());
        }
        EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
        EmbeddedKafka kafka = EmbeddedKafka.start(FreePorts.next(), FreePorts.next(), null)
                .createCatalogueTopics(3);
        System.setProperty(KAFKA_PROPERTY, kafka.bootstrapServers());
        System.setProperty(MONGO_PROPERTY, mongo.connectionString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
        }, "tierline-test-infra-shutdown"));
        return new SharedInfra(kafka, mongo, JvmTokens.get());
    }
}
