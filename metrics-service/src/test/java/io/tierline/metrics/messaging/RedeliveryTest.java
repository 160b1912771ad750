package io.tierline.metrics.messaging;

import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.unique;
import static io.tierline.metrics.TestEvents.wrapUp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.metrics.api.KpiResponse;
import io.tierline.metrics.api.KpiResponse.AhtBody;
import io.tierline.metrics.api.KpiResponse.FcrBody;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RedeliveryTest {

    @Test
    void aRedeliveredEventIsCountedOnce() {
        String queue = unique("q");
        String contact = unique("c");
        Instant now = Instant.now();
        var resolution = resolved(contact, queue, Channel.PHONE, 1, 0, 0, now.minusSeconds(10));
        var handling = wrapUp(contact, queue, Channel.PHONE, 1, 50, 0, 10, now.minusSeconds(10));
        send(resolution);
        send(resolution);
        send(handling);
        send(handling);
        // Later events of the same contact (same key, same partition) prove the duplicates were processed first.
        send(resolved(contact, queue, Channel.PHONE, 1, 0, 1, now.minusSeconds(5)));
        send(wrapUp(contact, queue, Channel.PHONE, 1, 100, 0, 20, now.minusSeconds(5)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            KpiResponse hour = kpis("PT1H", queue);
            assertTrue(hour.fcr().denominator() >= 2, "both resolutions arrived");
            assertTrue(hour.aht().count() >= 2, "both handlings arrived");
        });

        // One FCR out of two resolutions, AHT over 60 and 120 s (counted twice it would be 2/3, and 60, 60, 120)
        KpiResponse hour = kpis("PT1H", queue);
        assertEquals(new FcrBody(0.5, 1, 2), hour.fcr());
        assertEquals(new AhtBody(2, 90.0, 60.0, 120.0, 120.0), hour.aht());
    }
}
