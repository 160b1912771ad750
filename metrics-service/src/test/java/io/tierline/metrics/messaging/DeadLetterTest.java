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
import io.tierline.metrics.api.KpiResponse.AhtBody;
import io.tierline.metrics.api.KpiResponse.FcrBody;
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
        send(resolved(contact, queue, Channel.SMS, 1, 0, 0, Instant.now().minusSeconds(5)));

        var dead = probe().awaitKey(DLQ, contact, 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("this is not JSON {", dead.get(0).value());
        assertEquals(Topics.CONTACTS_RESOLVED, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        assertNotNull(KafkaProbe.header(dead.get(0), "dead-letter-offset"));
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("not a Tierline event"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals(new FcrBody(1.0, 1, 1), kpis("PT1H", queue).fcr()));
    }

    @Test
    void anotherEventTypeOnTheAssignmentsTopicGoesToTheDeadLetterTopicAndTheNextOneIsCounted() {
        String queue = unique("q");
        String contact = unique("c");
        Instant now = Instant.now();
        String misplaced = EventJson.write(resolved(contact, queue, Channel.SMS, 1, 0, 0, now));
        probe().send(Topics.CONTACTS_ASSIGNMENTS, contact, misplaced);
        send(wrapUp(contact, queue, Channel.SMS, 1, 60, 0, 0, now.minusSeconds(5)));

        var dead = probe().awaitKey(DLQ, contact, 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(Topics.CONTACTS_ASSIGNMENTS, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("expected AssignmentEvent"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals(new AhtBody(1, 60.0, 60.0, 60.0, 60.0), kpis("PT1H", queue).aht()));
    }

    @Test
    void otherAssignmentEventsAreSkippedNotDeadLettered() {
        String queue = unique("q");
        String contact = unique("c");
        Instant now = Instant.now();
        send(new OfferDeclined(EventIds.random(), contact, now.minusSeconds(10), "agent-1", queue, 1, Channel.CHAT, "busy"));
        send(wrapUp(contact, queue, Channel.CHAT, 1, 30, 0, 0, now.minusSeconds(5)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals(1, kpis("PT1H", queue).aht().count()));
        // The WrapUpEnded came after the OfferDeclined on the same partition, so a dead letter would be there by now.
        assertEquals(0, probe().awaitKey(DLQ, contact, 1, Duration.ofSeconds(2)).size());
    }
}
