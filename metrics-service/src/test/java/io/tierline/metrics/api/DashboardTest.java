package io.tierline.metrics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page and what it loads are served by the service itself, with nothing from elsewhere, and without
 * a token (the data it reads needs one, see {@code AccessTest}).
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DashboardTest {

    static final Pattern EXTERNAL = Pattern.compile("(src|href)=\"(https?:)?//");

    @Test
    void thePageLoadsItsOwnScriptAndStylesheet() {
        String page = given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"dashboard.js\">"))
                .body(containsString("href=\"dashboard.css\""))
                .body(containsString("id=\"tiles\""))
                .body(containsString("id=\"queues\""))
                .body(containsString("id=\"charts\""))
                .body(containsString("id=\"access\""))
                .extract().asString();
        assertFalse(EXTERNAL.matcher(page).find(), "no external resource");
        given().when().get("/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void theScriptReadsTheKpiEndpointsAndTheLiveStream() {
        String script = given().when().get("/dashboard.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .extract().asString();
        assertFalse(script.replace("'http://www.w3.org/2000/svg'", "").contains("http"), "nothing from elsewhere");
        for (String used : new String[] {"readStream('kpis/stream'", "'kpis?window='", "kpis/breakdown?by=queue",
                "kpis/series?window=PT1M", "'KpiSnapshot'",
                "getJson('kpis/queues')", "Authorization: 'Bearer ' + token", "sessionStorage",
                "history.replaceState", "#token="}) {
            assertTrue(script.contains(used), "the script uses " + used);
        }
        for (String kpi : new String[] {"fcr", "aht", "asa", "service-level", "abandonment", "escalation", "csat",
                "occupancy"}) {
            assertTrue(script.contains("kpi: '" + kpi + "'"), "a tile for " + kpi);
        }
    }
}
