package io.tierline.metrics.api;

import static io.tierline.metrics.TestEvents.awayFromTheEndOfTheQuarter;
import static io.tierline.metrics.TestEvents.deflected;
import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.received;
import static io.tierline.metrics.TestEvents.resolved;
import static io.tierline.metrics.TestEvents.send;
import static io.tierline.metrics.TestEvents.tokens;
import static io.tierline.metrics.TestEvents.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.HeadlessChromium;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium: its FCR tile shows what {@code GET /kpis} reports, and when new
 * events arrive it changes to the new value without a reload (from {@code /kpis/stream}); so does the L0
 * deflection tile (polled from {@code GET /kpis}: no kpi topic carries it). Saves a screenshot to
 * {@code target/dashboard.png}. The token is passed as {@code #token=}; without an accepted one the page says so.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How much of the current KPI window the live test needs left: it takes about 10 s, more on a busy machine. */
    private static final Duration WINDOW_ROOM = Duration.ofSeconds(90);

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void theTilesShowTheApiValuesAndFollowNewEventsLive() throws Exception {
        assertTrue(HeadlessChromium.available(), "browser tests need Chromium: apt-get install chromium (or set CHROMIUM)");
        // the tiles show the current PT15M window: the whole test stays inside one
        awayFromTheEndOfTheQuarter(WINDOW_ROOM);
        String queue = unique("dash");
        send(resolved(queue, Channel.CHAT, 1, 0, 0, Instant.now()));
        String token = tokens().ops();
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            browser.open(dashboard + "#token=" + token);
            assertEquals("", browser.evaluate("location.hash"), "the token is taken off the address bar");
            assertEquals(token, browser.evaluate("sessionStorage.getItem('tierline.token')"), "kept for the tab");
            String first = awaitTileMatchesApi(browser, "fcr");

            // one more contact resolved at first contact: the tile follows, the page is not reloaded
            browser.evaluate("window.__notReloaded = true");
            send(resolved(queue, Channel.CHAT, 1, 0, 0, Instant.now()));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> !apiTile("fcr").equals(first));
            String second = awaitTileMatchesApi(browser, "fcr");
            assertNotEquals(first, second, "the tile changed with the new event");
            assertEquals("true", browser.evaluate("String(window.__notReloaded === true)"), "updated live, not reloaded");

            // the L0 deflection tile (polled: no kpi.* topic carries it) shows the API's value and follows a
            // contact that arrives and is deflected
            String deflectionBefore = awaitTileMatchesApi(browser, "deflection");
            String contact = unique("c");
            Instant now = Instant.now();
            send(received(contact, Channel.CHAT, "dashboard", now));
            send(deflected(contact, Channel.CHAT, "dashboard", now, now));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> !apiTile("deflection").equals(deflectionBefore));
            String deflectionAfter = awaitTileMatchesApi(browser, "deflection");
            assertNotEquals(deflectionBefore, deflectionAfter, "the deflection tile changed with the new events");
            assertEquals("true", browser.evaluate("String(window.__notReloaded === true)"), "updated, not reloaded");

            Path png = Path.of("target", "dashboard.png");
            browser.screenshot(png);
            assertTrue(Files.size(png) > 1000, "a screenshot of the dashboard");
        }
    }

    @Test
    void withoutAnAcceptedTokenThePageSaysWhichRolesAndHowToPassOne() throws Exception {
        assertTrue(HeadlessChromium.available(), "browser tests need Chromium: apt-get install chromium (or set CHROMIUM)");
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            browser.open(dashboard.toString());
            String refused = awaitAccessMessage(browser, "(401)");
            assertTrue(refused.contains("ops, supervisor or admin role"), refused);
            assertTrue(refused.contains(dashboard + "#token=<JWT>"), refused);

            // a token given after loading: the page reloads with it; an agent's may not read KPIs
            browser.open(dashboard + "#token=" + tokens().agent("agent-1"));
            assertTrue(awaitAccessMessage(browser, "(403)").contains("ops, supervisor or admin role"));

            String supervisor = tokens().supervisor("lead-1", "team-1");
            browser.open(dashboard + "#token=" + supervisor);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertEquals(supervisor, browser.evaluate("sessionStorage.getItem('tierline.token')"));
                assertEquals("true", browser.evaluate("String(document.getElementById('access').hidden)"));
                assertEquals("live", browser.evaluate("document.getElementById('status').textContent"));
            });
            assertEquals("", browser.evaluate("location.hash"));
        }
    }

    /** Waits until the page shows the access message containing {@code part}; answers its text. */
    private static String awaitAccessMessage(HeadlessChromium browser, String part) {
        String[] shown = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            shown[0] = browser.evaluate("document.getElementById('access').hidden ? ''"
                    + " : document.getElementById('access').textContent");
            assertTrue(shown[0] != null && shown[0].contains(part), "access message: " + shown[0]);
        });
        return shown[0];
    }

    /** Waits until the KPI's tile shows what the API reports for the current PT15M window; answers that text. */
    private static String awaitTileMatchesApi(HeadlessChromium browser, String kpi) {
        String[] shown = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String expected = apiTile(kpi);
            shown[0] = browser.evaluate("document.querySelector('#tile-" + kpi + " .value').textContent + ' | '"
                    + " + document.querySelector('#tile-" + kpi + " .detail').textContent");
            assertEquals(expected, shown[0], "dashboard status: " + browser.evaluate("document.getElementById('status').textContent"));
        });
        return shown[0];
    }

    /** A ratio KPI of the current PT15M window as the dashboard formats it: "66.7 % | 2 of 3". */
    private static String apiTile(String kpi) {
        JsonPath k = kpis(Map.of("kpi", kpi, "window", "PT15M"));
        Number value = k.get(kpi + ".value");
        Number numerator = k.get(kpi + ".numerator");
        Number denominator = k.get(kpi + ".denominator");
        String shown = value == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", value.doubleValue() * 100);
        String detail = denominator == null ? "not computed yet" : numerator.longValue() + " of " + denominator.longValue();
        return shown + " | " + detail;
    }
}
