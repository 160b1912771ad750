package io.tierline.metrics.messaging;

import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.probe;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static io.tierline.metrics.TestEvents.wrapUp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.OfferDeclined;
import io.tierline.events.Topics;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeadLetterTest {

    static final String DLQ = Topics.dlq("metrics");

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextOneIsCounted() {
        String queue = unique("q");
        String contact = unique("c");
        probe().send(Topics.CONTACTS_RESOLVED, contact, "this is not JSON {");
        Instant t = Instant.now().minusSeconds(5);
        send(resolved(contact, queue, Channel.SMS, 1, 0, 0, t));

        var dead = probe().awaitKey(DLQ, contact, 1, Duration.ofSeconds(60));
        assertEquals(1, dead.size());
        assertEquals("this is not JSON {", dead.get(0).value());
        assertEquals(Topics.CONTACTS_RESOLVED, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        assertNotNull(KafkaProbe.header(dead.get(0), "dead-letter-offset"));
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("not a Tierline event"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var fcr = kpis(Map.of("kpi", "fcr", "dimension", "queue=" + queue, "at", t.toString()));
            assertEquals(1, fcr.getInt("fcr.numerator"));
            assertEquals(1, fcr.getInt("fcr.denominator"));
        });
    }

    @Test
    void anotherEventTypeOnTheAssignmentsTopicGoesToTheDeadLetterTopicAndTheNextOneIsCounted() {
        String queue = unique("q");
        String contact = unique("c");
        Instant now = Instant.now();
        String misplaced = EventJson.write(resolved(contact, queue, Channel.SMS, 1, 0, 0, now));
        probe().send(Topics.CONTACTS_ASSIGNMENTS, contact, misplaced);
        send(wrapUp(contact, queue, Channel.SMS, 1, 60, 0, 0, now.minusSeconds(5)));

        var dead = probe().awaitKey(DLQ, contact, 1, Duration.ofSeconds(60));
        assertEquals(1, dead.size());
        assertEquals(Topics.CONTACTS_ASSIGNMENTS, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("expected AssignmentEvent"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var aht = kpis(Map.of("kpi", "aht", "dimension", "queue=" + queue, "at", now.minusSeconds(5).toString()));
            assertEquals(1, aht.getInt("aht.count"));
            assertEquals(60.0, aht.getDouble("aht.p99"));
        });
    }

    @Test
    void otherAssignmentEventsAreSkippedNotDeadLettered() {
        String queue = unique("q");
        String contact = unique("c");
        Instant now = Instant.now();
        send(new OfferDeclined(EventIds.random(), contact, now.minusSeconds(10), "agent-1", queue, 1, Channel.CHAT, "busy"));
        send(wrapUp(contact, queue, Channel.CHAT, 1, 30, 0, 0, now.minusSeconds(5)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, kpis(Map.of("kpi", "aht",
                "dimension", "queue=" + queue, "at", now.minusSeconds(5).toString())).getInt("aht.count")));
        // The WrapUpEnded came after the OfferDeclined on the same partition, so a dead letter would be there by now.
        assertEquals(0, probe().awaitKey(DLQ, contact, 1, Duration.ofSeconds(2)).size());
    }
}
