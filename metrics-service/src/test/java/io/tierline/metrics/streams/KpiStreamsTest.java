package io.tierline.metrics.streams;

import static io.tierline.metrics.TestEvents.probe;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.unique;
import static io.tierline.metrics.TestEvents.wrapUp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.Channel;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.KpiSnapshot;
import io.tierline.events.OfferAccepted;
import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The KPI topology running in the service against the real embedded broker: events in, exact snapshots out on
 * the kpi topics, redeliveries counted once. Each test uses its own queue, so it reads only its own dimension.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiStreamsTest {

    @Test
    void fcrOfAQueueIsPublishedOnceTheRedeliveredResolutionIsDropped() {
        String queue = unique("q");
        String contact = unique("c");
        Instant t = Instant.now().minusSeconds(10);
        // All on one contact: one partition, processed in this order. r1 first contact, r1 again (redelivery),
        // then r2 and r3 transferred: 1/3. Were the redelivery counted, the first snapshot with 3 resolutions
        // would be 2/3.
        var r1 = resolved(contact, queue, Channel.CHAT, 1, 0, 0, t);
        send(r1);
        send(r1);
        send(resolved(contact, queue, Channel.CHAT, 1, 0, 1, t));
        send(resolved(contact, queue, Channel.CHAT, 1, 0, 1, t));

        KpiSnapshot fcr = first(Topics.KPI_FCR, "fcr|queue=" + queue + "|PT1H", s -> s.denominator() >= 3);
        assertEquals(new KpiSnapshot(fcr.eventId(), t.truncatedTo(ChronoUnit.MILLIS), "fcr", "PT1H",
                t.truncatedTo(ChronoUnit.HOURS), t.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)),
                "queue=" + queue, "ratio", 1.0 / 3.0, 1L, 3L, null, null, null, null), fcr);
        KpiSnapshot day = first(Topics.KPI_FCR, "fcr|queue=" + queue + "|P1D", s -> s.denominator() >= 3);
        assertEquals(t.truncatedTo(ChronoUnit.DAYS), day.windowStart());
        assertEquals(1L, day.numerator());
        assertEquals(3L, day.denominator());
    }

    @Test
    void ahtAndAsaOfAQueueAreExactWithPercentiles() {
        String queue = unique("q");
        String contact = unique("c");
        Instant t = Instant.now().minusSeconds(10);
        // Handlings of 40 + 10 + 10 = 60 s (sent twice: a redelivery) and 100 + 0 + 20 = 120 s:
        // count 2, mean 90, p50 rank 1 -> 60, p90 and p99 rank 2 -> 120 (counted twice: 60, 60, 60, 60 at count 2)
        var w1 = wrapUp(contact, queue, Channel.EMAIL, 2, 40, 10, 10, t);
        send(w1);
        send(w1);
        send(wrapUp(contact, queue, Channel.EMAIL, 2, 100, 0, 20, t));
        // An answer after 30 s in the queue
        send(new OfferAccepted(EventIds.random(), contact, t, "agent-1", queue, 2, Channel.EMAIL, t.minusSeconds(30)));

        KpiSnapshot aht = first(Topics.KPI_AHT, "aht|queue=" + queue + "|PT15M", s -> s.count() >= 2);
        assertEquals("seconds", aht.unit());
        assertEquals(2L, aht.count());
        assertEquals(90.0, aht.value());
        assertEquals(60.0, aht.p50());
        assertEquals(120.0, aht.p90());
        assertEquals(120.0, aht.p99());
        assertEquals(Duration.ofMinutes(15), Duration.between(aht.windowStart(), aht.windowEnd()));
        assertEquals(0, aht.windowStart().getEpochSecond() % 900, "aligned to the quarter hour (UTC)");

        KpiSnapshot asa = first(Topics.KPI_ASA, "asa|queue=" + queue + "|PT1M", s -> s.count() >= 1);
        assertEquals(1L, asa.count());
        assertEquals(30.0, asa.value());
        assertEquals(30.0, asa.p99());
        assertEquals(t.truncatedTo(ChronoUnit.MINUTES), asa.windowStart());
    }

    @Test
    void aRecordThatIsNoEventOnContactsEscalatedGoesToTheDeadLetterTopicOnce() {
        String contact = unique("c");
        probe().send(Topics.CONTACTS_ESCALATED, contact, "this is not JSON {");

        var dead = probe().awaitKey(Topics.dlq("metrics"), contact, 1, Duration.ofSeconds(60));
        assertEquals(1, dead.size());
        assertEquals("this is not JSON {", dead.get(0).value());
        assertEquals(Topics.CONTACTS_ESCALATED, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("not a Tierline event"));
    }

    @Test
    void readinessReportsTheTopologyRunning() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'kpi-streams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kpi-streams' }.data.state", equalTo("RUNNING")));
    }

    private static void send(TierlineEvent event) {
        String topic = event instanceof AssignmentEvent ? Topics.CONTACTS_ASSIGNMENTS : Topics.CONTACTS_RESOLVED;
        probe().send(topic, event.key(), EventJson.write(event), Map.of("ce_id", event.eventId(),
                "ce_type", event.ceType(), "ce_time", event.occurredAt().toString()));
    }

    /** The first snapshot on the topic with this key that matches; checks its CloudEvents headers. */
    private static KpiSnapshot first(String topic, String key, Predicate<KpiSnapshot> matches) {
        Predicate<ConsumerRecord<String, String>> filter = r -> key.equals(r.key())
                && matches.test(EventJson.read(r.value(), KpiSnapshot.class));
        var records = probe().await(topic, filter, 1, Duration.ofSeconds(60));
        assertFalse(records.isEmpty(), "no " + key + " snapshot on " + topic);
        var record = records.get(0);
        KpiSnapshot snapshot = EventJson.read(record.value(), KpiSnapshot.class);
        assertEquals(snapshot.eventId(), KafkaProbe.header(record, "ce_id"));
        assertEquals("io.tierline.KpiSnapshot", KafkaProbe.header(record, "ce_type"));
        assertEquals("/tierline/metrics", KafkaProbe.header(record, "ce_source"));
        return snapshot;
    }
}
