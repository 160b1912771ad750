package io.tierline.metrics.api;

import static io.restassured.RestAssured.given;
import static io.tierline.metrics.TestEvents.asOps;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactQueued;
import io.tierline.events.EventIds;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /kpis/queues} and the queue gauges: the contacts waiting now, from the running topology. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class QueueEndpointTest {

    @Test
    void aQueuesDepthAndLongestWaitFollowQueuedAndAnsweredContacts() {
        String queue = unique("q");
        String answered = unique("c");
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        send(queued(answered, queue, t));
        send(queued(unique("c"), queue, t.plusSeconds(10)));
        send(queued(unique("c"), queue, t.plusSeconds(20)));
        send(new OfferAccepted(EventIds.random(), answered, t.plusSeconds(25), "agent-1", queue, 1, Channel.CHAT, t));

        // two still wait; the oldest since t + 10 s
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var q = asOps().when().get("/kpis/queues").then().statusCode(200).extract().jsonPath();
            assertEquals(2, q.getInt("find { it.queueId == '" + queue + "' }.depth"));
            assertEquals(t.plusSeconds(10).toString(), q.getString("find { it.queueId == '" + queue + "' }.oldestQueuedAt"));
            assertTrue(q.getDouble("find { it.queueId == '" + queue + "' }.longestWaitSeconds") >= 20.0);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            var depth = Pattern.compile("(?m)^tierline_queue_depth\\{queue=\"" + Pattern.quote(queue) + "\"} (\\S+)$")
                    .matcher(metrics);
            assertTrue(depth.find(), metrics);
            assertEquals(2.0, Double.parseDouble(depth.group(1)));
        });
    }

    private static ContactQueued queued(String contact, String queue, Instant at) {
        return new ContactQueued(EventIds.random(), contact, at, queue, 1, Channel.CHAT, Priority.NORMAL, "fits");
    }
}
