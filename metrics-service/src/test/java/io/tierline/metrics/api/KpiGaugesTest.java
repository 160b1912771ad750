package io.tierline.metrics.api;

import static io.restassured.RestAssured.given;
import static io.tierline.metrics.TestEvents.awayFromTheEndOfTheQuarter;
import static io.tierline.metrics.TestEvents.byAgent;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiGaugesTest {

    @Test
    void theGaugesShowTheCurrentQuarterHourOfAQueue() {
        awayFromTheEndOfTheQuarter(Duration.ofSeconds(60));
        String queue = unique("q");
        String agent = unique("agent");
        Instant now = Instant.now();
        // FCR 1/2 (one transferred); AHT 60 + 30 = 90 s, by an agent of its own
        send(resolved(queue, Channel.SOCIAL, 1, 0, 0, now));
        send(resolved(queue, Channel.SOCIAL, 1, 0, 1, now));
        send(byAgent(agent, wrapUp(queue, Channel.SOCIAL, 1, 60, 0, 30, now)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = metrics();
            assertEquals(0.5, gauge(metrics, "fcr", "queue", queue));
            assertEquals(90.0, gauge(metrics, "aht", "queue", queue));
        });
        String metrics = metrics();
        assertTrue(gauge(metrics, "fcr", "all", "all") > 0, "the all series is there");
        assertTrue(!metrics.contains(agent), "no agent series");
    }

    @Test
    void theGaugesCarryOnlyBoundedLabels() {
        String metrics = metrics();
        Matcher lines = Pattern.compile("(?m)^tierline_kpi\\{([^}]*)}").matcher(metrics);
        while (lines.find()) {
            for (String label : lines.group(1).split(",")) {
                String name = label.substring(0, label.indexOf('='));
                String value = label.substring(label.indexOf('=') + 2, label.length() - 1);
                assertTrue(List.of("kpi", "dimension", "value", "window").contains(name), "unexpected label " + name);
                if (name.equals("dimension")) {
                    assertTrue(List.of("all", "queue", "channel", "tier").contains(value), "dimension " + value);
                }
                if (name.equals("window")) {
                    assertEquals("PT15M", value);
                }
            }
        }
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double gauge(String metrics, String kpi, String dimension, String value) {
        Matcher m = Pattern.compile("(?m)^tierline_kpi\\{(?=[^}]*kpi=\"" + kpi + "\")(?=[^}]*dimension=\""
                + dimension + "\")(?=[^}]*value=\"" + Pattern.quote(value) + "\")[^}]*} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), kpi + " " + dimension + "=" + value + " not in\n" + metrics);
        return Double.parseDouble(m.group(1));
    }
}
