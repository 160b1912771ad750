package io.tierline.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tierline.embedded.FreePorts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3's "a crash between the store write and the publish loses nothing and a restart does not publish
 * twice", against the packaged intake as a process: gateways post concurrently, intake is killed with
 * SIGKILL mid-load, restarted, and the topic must hold every contact answered 202 (and every contact
 * stored) exactly once. The one window a kill rarely hits (the broker acknowledged, the marker is not cleared
 * yet) is also set up on purpose: some published contacts are put back PENDING before the restart, exactly
 * the state such a crash leaves.
 */
class IntakeCrashIT {

    private static final int CLIENTS = 6;

    @RegisterExtension
    static final ItInfrastructure infra = new ItInfrastructure();

    @Test
    void aKillMidLoadLosesNoAcceptedContactAndTheRestartPublishesNothingTwice() throws Exception {
        Map<String, String> env = infra.eagerRepublisherEnv();
        Set<String> accepted = ConcurrentHashMap.newKeySet();

        try (IntakeProcess first = IntakeProcess.start("crash-first", FreePorts.next(), env)) {
            first.awaitReady(Duration.ofSeconds(120));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> postUntilRefused(first, accepted, stop));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= 150);
            first.kill();
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        }
        List<String> putBack = new ArrayList<>(accepted).subList(0, 10);
        contacts().updateMany(Filters.in("_id", putBack), Updates.set("publishState", "PENDING"));

        try (IntakeProcess second = IntakeProcess.start("crash-second", FreePorts.next(), env)) {
            second.awaitReady(Duration.ofSeconds(120));
            infra.assertEveryContactPublishedOnce(accepted);
            assertTrue(second.log().contains("is on the topic already"),
                    "the restart recognised the contacts put back PENDING");
        }
    }

    private static void postUntilRefused(IntakeProcess intake, Set<String> accepted, AtomicBoolean stop) {
        HttpClient http = HttpClient.newHttpClient();
        while (!stop.get()) {
            try {
                var response = intake.postContact(http, "crash-" + UUID.randomUUID(),
                        IntakeProcess.smsContact("cust-" + UUID.randomUUID()), Duration.ofSeconds(30));
                if (response.statusCode() == 202) {
                    accepted.add(IntakeProcess.contactId(response));
                }
            } catch (IOException killed) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static MongoCollection<Document> contacts() {
        return infra.contacts();
    }
}
