package io.tierline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser driver itself: a page served on localhost, read while its script changes it, and a screenshot. */
class HeadlessChromiumTest {

    private static final String PAGE = """
            <!doctype html><html><body><h1 id="tile">waiting</h1>
            <script>
              let n = 0;
              setInterval(() => { n++; document.getElementById('tile').textContent = 'tick ' + n; }, 100);
            </script></body></html>""";

    @Test
    void readsALivePageAndTakesAScreenshot(@TempDir Path dir) throws Exception {
        assertTrue(HeadlessChromium.available(), "browser tests need Chromium: apt-get install chromium (or set CHROMIUM)");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (HeadlessChromium browser = HeadlessChromium.start(800, 600)) {
            browser.open("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            long deadline = System.nanoTime() + 20_000_000_000L;
            String text = browser.evaluate("document.getElementById('tile').textContent");
            while (!text.matches("tick ([5-9]|\\d\\d+)") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                text = browser.evaluate("document.getElementById('tile').textContent");
            }
            assertTrue(text.matches("tick ([5-9]|\\d\\d+)"), "the page's script kept running: " + text);
            assertEquals("2", browser.evaluate("1 + 1"));
            Path png = dir.resolve("page.png");
            browser.screenshot(png);
            byte[] bytes = Files.readAllBytes(png);
            assertTrue(bytes.length > 100 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a PNG");
        } finally {
            server.stop(0);
        }
    }
}
