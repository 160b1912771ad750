package io.tierline.metrics.api;

import static io.restassured.RestAssured.given;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class KpiGaugesTest {

    @Test
    void theGaugesShowTheSnapshotOfTheLastDay() {
        String queue = unique("q");
        Instant now = Instant.now();
        send(resolved(queue, Channel.SOCIAL, 1, 0, 0, now.minusSeconds(5)));
        send(wrapUp(queue, Channel.SOCIAL, 1, 60, 0, 30, now.minusSeconds(5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> kpis("P1D", queue).aht().count() == 1
                && kpis("P1D", queue).fcr().denominator() == 1);

        // Nothing else arrives now, so the next refresh makes the gauges equal the API's P1D snapshot.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            KpiResponse day = kpis(Map.of("window", "P1D"));
            assertEquals(day.fcr().denominator(), gauge(metrics, "tierline_kpi_contacts_resolved", ""));
            assertEquals(day.fcr().numerator(), gauge(metrics, "tierline_kpi_contacts_resolved_first_contact", ""));
            assertEquals(day.fcr().value(), gauge(metrics, "tierline_kpi_fcr_ratio", ""));
            assertEquals(day.aht().count(), gauge(metrics, "tierline_kpi_handlings", ""));
            assertEquals(day.aht().meanSeconds(), gauge(metrics, "tierline_kpi_aht_seconds", "mean"));
            assertEquals(day.aht().p50Seconds(), gauge(metrics, "tierline_kpi_aht_seconds", "p50"));
            assertEquals(day.aht().p90Seconds(), gauge(metrics, "tierline_kpi_aht_seconds", "p90"));
            assertEquals(day.aht().p99Seconds(), gauge(metrics, "tierline_kpi_aht_seconds", "p99"));
        });
    }

    @Test
    void theGaugesCarryNoLabelsButWindowAndStat() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher lines = Pattern.compile("(?m)^tierline_kpi_\\w+\\{([^}]*)}").matcher(metrics);
        int count = 0;
        while (lines.find()) {
            count++;
            for (String label : lines.group(1).split(",")) {
                String name = label.substring(0, label.indexOf('='));
                assertTrue(name.equals("window") || name.equals("stat"), "unexpected label " + name);
            }
        }
        assertEquals(8, count, metrics);
    }

    /** The value of a {@code window="P1D"} gauge (with {@code stat} if given), typed as the API types it. */
    private static Object gauge(String metrics, String name, String stat) {
        String statLabel = stat.isEmpty() ? "" : "(?=[^}]*stat=\"" + stat + "\")";
        Matcher m = Pattern.compile("(?m)^" + name + "\\{(?=[^}]*window=\"P1D\")" + statLabel + "[^}]*} (\\S+)$")
                .matcher(metrics);
        assertTrue(m.find(), name + " " + stat + " not in\n" + metrics);
        double value = Double.parseDouble(m.group(1));
        boolean isCount = !name.equals("tierline_kpi_fcr_ratio") && !name.equals("tierline_kpi_aht_seconds");
        return isCount ? (Object) (long) value : (Object) value;
    }
}
