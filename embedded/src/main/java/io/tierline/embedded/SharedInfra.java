package io.tierline.embedded;

/** The one broker and store of a test JVM, started on first use, stopped when the JVM exits. */
public record SharedInfra(EmbeddedKafka kafka, EmbeddedMongo mongo) {

    private static SharedInfra instance;

    public static synchronized SharedInfra get() {
        if (instance == null) {
            EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
            EmbeddedKafka kafka = EmbeddedKafka.start(FreePorts.next(), FreePorts.next(), null)
                    .createCatalogueTopics(3);
            instance = new SharedInfra(kafka, mongo);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                mongo.close();
            }, "tierline-test-infra-shutdown"));
        }
        return instance;
    }
}
