package io.tierline.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tierline.identity.DevTokens;
import java.util.Map;

/**
 * Quarkus test resource: one real Kafka broker and one MongoDB wire store per test JVM, on free ports,
 * shared by every {@code @QuarkusTest} in it (Quarkus restarts the application, not the infrastructure),
 * and the public key of the JVM's token signer, so that tests call with {@code SharedInfra.get().tokens()}.
 * Use with {@code @QuarkusTestResource(value = TierlineTestInfra.class, restrictToAnnotatedClass = false)}
 * or {@code @WithTestResource(TierlineTestInfra.class)}.
 */
public class TierlineTestInfra implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedInfra infra = SharedInfra.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.mongodb.connection-string", infra.mongo().connectionString(),
                "mp.jwt.verify.publickey", infra.tokens().publicKeyPem(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Shared across the test JVM; closed by SharedInfra's shutdown hook.
    }
}
