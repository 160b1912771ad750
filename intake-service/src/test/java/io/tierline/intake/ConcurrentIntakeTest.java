package io.tierline.intake;

import static io.tierline.intake.TestGateway.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Concurrent requests with one key: the unique index decides, every request answers the one contact. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class ConcurrentIntakeTest {

    @Test
    void concurrentRequestsWithOneKeyMakeOneContactAndOneEventId() throws Exception {
        String key = "key-" + UUID.randomUUID();
        var body = Map.of("channel", "PHONE", "customer", Map.of("id", "cust-" + UUID.randomUUID()),
                "message", "IVR: billing", "phone", Map.of("ani", "+4411", "dnis", "+4422", "ivrPath", "1>2"));
        int requests = 6;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                            .when().post("/contacts")
                            .then().statusCode(202)
                            .extract().<String>path("contactId");
                }, pool));
            }
            start.countDown();
            Set<String> contactIds = new HashSet<>();
            for (var answer : answers) {
                contactIds.add(answer.get());
            }
            assertEquals(1, contactIds.size(), "one contact for one key");

            String contactId = contactIds.iterator().next();
            try (KafkaProbe probe = KafkaProbe.shared()) {
                var records = probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, Duration.ofSeconds(30));
                assertFalse(records.isEmpty());
                // A loser that found the winner still PENDING may re-publish: with the same eventId only.
                var eventIds = records.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID))
                        .collect(Collectors.toSet());
                assertEquals(1, eventIds.size(), "one eventId");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
