package io.tierline.routing.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Routing's own database and the clock. */
public class StoreProducer {

    @Produces
    @Singleton
    MongoDatabase routingDatabase(MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        return client.getDatabase(database);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
