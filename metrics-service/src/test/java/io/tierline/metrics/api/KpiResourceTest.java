package io.tierline.metrics.api;

import static io.restassured.RestAssured.given;
import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static io.tierline.metrics.TestEvents.wrapUp;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactQueued;
import io.tierline.events.EventIds;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Priority;
import io.tierline.metrics.api.KpiResponse.AhtBody;
import io.tierline.metrics.api.KpiResponse.FcrBody;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiResourceTest {

    @Test
    void fcrAndAhtOverAQueueAreExactPerWindowChannelAndTier() {
        String queue = unique("q");
        Instant now = Instant.now();
        Instant twoHoursAgo = now.minus(Duration.ofHours(2));
        // Resolutions: two at first contact, one transferred, one escalated to tier 2, and one FCR two hours ago.
        send(resolved(queue, Channel.CHAT, 1, 0, 0, now.minusSeconds(30)));
        send(resolved(queue, Channel.CHAT, 1, 0, 1, now.minusSeconds(25)));
        send(resolved(queue, Channel.CHAT, 2, 1, 0, now.minusSeconds(20)));
        send(resolved(queue, Channel.EMAIL, 1, 0, 0, now.minusSeconds(15)));
        send(resolved(queue, Channel.CHAT, 1, 0, 0, twoHoursAgo));
        // Handlings (talk + hold + wrap-up seconds): 60, 120, 180 on chat, 600 on email, and 30 two hours ago.
        send(wrapUp(queue, Channel.CHAT, 1, 40, 10, 10, now.minusSeconds(30)));
        send(wrapUp(queue, Channel.CHAT, 1, 100, 0, 20, now.minusSeconds(25)));
        send(wrapUp(queue, Channel.CHAT, 2, 150, 20, 10, now.minusSeconds(20)));
        send(wrapUp(queue, Channel.EMAIL, 1, 500, 60, 40, now.minusSeconds(15)));
        send(wrapUp(queue, Channel.CHAT, 1, 20, 0, 10, twoHoursAgo));
        // Other assignment events are valid and count nothing.
        send(new ContactQueued(EventIds.random(), unique("c"), now, queue, 1, Channel.CHAT, Priority.NORMAL, "fits"));
        send(new OfferAccepted(EventIds.random(), unique("c"), now, "agent-1", queue, 1, Channel.CHAT, now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            KpiResponse day = kpis("P1D", queue);
            assertEquals(5, day.fcr().denominator());
            assertEquals(5, day.aht().count());
        });

        // PT1H: FCR 2/4; AHT over 60, 120, 180, 600 s: mean 240, p50 rank ceil(2) = 2 -> 120,
        // p90 rank ceil(3.6) = 4 -> 600, p99 rank ceil(3.96) = 4 -> 600
        KpiResponse hour = kpis("PT1H", queue);
        assertEquals(new FcrBody(0.5, 2, 4), hour.fcr());
        assertEquals(new AhtBody(4, 240.0, 120.0, 600.0, 600.0), hour.aht());
        assertEquals(Duration.ofHours(1), Duration.between(hour.windowStart(), hour.windowEnd()));
        // P1D adds the events of two hours ago: FCR 3/5; AHT over 30, 60, 120, 180, 600 s: mean 198,
        // p50 rank ceil(2.5) = 3 -> 120, p90 rank ceil(4.5) = 5 -> 600, p99 -> 600
        KpiResponse day = kpis("P1D", queue);
        assertEquals(new FcrBody(0.6, 3, 5), day.fcr());
        assertEquals(new AhtBody(5, 198.0, 120.0, 600.0, 600.0), day.aht());
        // Email only (PT1H): FCR 1/1, AHT 600 s
        KpiResponse email = kpis(Map.of("window", "PT1H", "queueId", queue, "channel", "EMAIL"));
        assertEquals(new FcrBody(1.0, 1, 1), email.fcr());
        assertEquals(new AhtBody(1, 600.0, 600.0, 600.0, 600.0), email.aht());
        assertEquals(new KpiResponse.Filters(queue, "EMAIL", null), email.filters());
        // Tier 2 (PT1H): the escalated contact, never a first-contact resolution; AHT 180 s
        KpiResponse tier2 = kpis(Map.of("window", "PT1H", "queueId", queue, "tier", "2"));
        assertEquals(new FcrBody(0.0, 0, 1), tier2.fcr());
        assertEquals(new AhtBody(1, 180.0, 180.0, 180.0, 180.0), tier2.aht());
        // Tier 1 on chat (PT1H): FCR 1/2 (one transferred); AHT over 60, 120 s: mean 90, p50 rank 1 -> 60, p90 -> 120
        KpiResponse tier1Chat = kpis(Map.of("window", "PT1H", "queueId", queue, "tier", "1", "channel", "CHAT"));
        assertEquals(new FcrBody(0.5, 1, 2), tier1Chat.fcr());
        assertEquals(new AhtBody(2, 90.0, 60.0, 120.0, 120.0), tier1Chat.aht());
    }

    @Test
    void aQueueWithoutContactsHasUndefinedValuesAndTheDefaultWindowIsOneHour() {
        String queue = unique("q");
        given().queryParam("queueId", queue).when().get("/kpis").then()
                .statusCode(200)
                .body("window", equalTo("PT1H"))
                .body("filters.queueId", equalTo(queue))
                .body("fcr.value", nullValue())
                .body("fcr.numerator", equalTo(0))
                .body("fcr.denominator", equalTo(0))
                .body("aht.count", equalTo(0))
                .body("aht.meanSeconds", nullValue())
                .body("aht.p50Seconds", nullValue())
                .body("aht.p90Seconds", nullValue())
                .body("aht.p99Seconds", nullValue());
        KpiResponse minute = kpis("PT1M", queue);
        assertEquals(Duration.ofMinutes(1), Duration.between(minute.windowStart(), minute.windowEnd()));
        KpiResponse quarter = kpis("PT15M", queue);
        assertEquals(Duration.ofMinutes(15), Duration.between(quarter.windowStart(), quarter.windowEnd()));
    }

    @Test
    void anUnknownWindowIsA400NamingIt() {
        given().queryParam("window", "PT5M").when().get("/kpis").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains("window"));
    }

    @Test
    void anUnknownChannelIsA400NamingIt() {
        given().queryParam("channel", "FAX").when().get("/kpis").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("channel"));
    }

    @Test
    void aTierOutside1To3IsA400NamingIt() {
        for (String tier : new String[] {"0", "4", "two"}) {
            given().queryParam("tier", tier).when().get("/kpis").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("tier"));
        }
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        given().queryParams(Map.of("window", "P7D", "channel", "fax", "tier", "9")).when().get("/kpis").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("window", "channel", "tier"));
    }
}
