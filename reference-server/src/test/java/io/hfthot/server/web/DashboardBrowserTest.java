package io.hfthot.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.server.ReferenceServer;
import io.hfthot.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HFThot dashboard in a real headless Chromium, driven over the DevTools protocol: opened with the key in the URL
 * fragment, it shows live data within 5 seconds (ticks from the WebSocket drawn on the chart, each symbol's regime
 * with its state probabilities, usage against the tier's limits), logs no console error or exception, removes the
 * key from the address bar and stores it nowhere, and never puts it in an HTTP request URL. A screenshot is written
 * to {@code target/dashboard.png}. Skipped, with a message, where Chromium is not installed.
 */
class DashboardBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void theDashboardShowsLiveDataWithinFiveSecondsWithoutConsoleErrors() throws Exception {
        Path chromium = DevToolsBrowser.chromium();
        assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium): browser test skipped");
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(tmp.resolve("data")));
             DevToolsBrowser browser = DevToolsBrowser.start(chromium, tmp.resolve("profile"))) {
            String key = server.lab().demoKeys().stream().map(GeneratedKey::apiKey).filter(k -> k.startsWith("hft_hob_"))
                    .findFirst().orElseThrow();
            browser.enableEvents();
            String page = server.baseUri(ReferenceServer.Surface.HFTHOT) + "/dashboard/";
            browser.call("Page.navigate", Map.of("url", page + "#key=" + key));
            long start = System.nanoTime();
            JsonNode state = null;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
                state = browser.evaluate("""
                        document.getElementById('tick-count') === null ? { loading: true } : ({ ticks: Number(document.getElementById('tick-count').textContent),
                           regimes: document.querySelectorAll('#regimes tr').length,
                           bars: document.querySelectorAll('#regimes .bar').length,
                           day: document.getElementById('day-text').textContent,
                           minute: document.getElementById('minute-text').textContent,
                           tier: document.getElementById('tier').textContent,
                           price: document.getElementById('last-price').textContent,
                           href: location.href,
                           stored: localStorage.length + sessionStorage.length + document.cookie.length })""");
                if (state.path("ticks").asInt() >= 2 && state.path("regimes").asInt() > 0 && !state.path("day").asText().equals("-")) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(state.path("ticks").asInt() >= 2, "live ticks within 5 s: " + state);
            assertTrue(state.path("regimes").asInt() >= 3, "a regime row per symbol: " + state);
            assertEquals(3 * state.path("regimes").asInt(), state.path("bars").asInt(), "three state probabilities a row");
            assertTrue(state.path("day").asText().matches("\\d+ / \\d+|\\d+ / unlimited"), state.toString());
            assertTrue(state.path("minute").asText().matches("\\d+ / 300"), "the hobbyist's 300 a minute: " + state);
            assertEquals("(hobbyist)", state.path("tier").asText());
            assertEquals(page, state.path("href").asText(), "the key left the address bar");
            assertEquals(0, state.path("stored").asInt(), "nothing stored");

            Path png = browser.screenshot(Path.of("target", "dashboard.png"));
            assertTrue(Files.size(png) > 10_000, "a real screenshot at " + png.toAbsolutePath());

            List<JsonNode> errors = browser.consoleErrors();
            List<String> httpUrls = browser.requestUrls();
            assertTrue(errors.isEmpty(), "console errors: " + errors);
            assertTrue(httpUrls.size() >= 4, "the page's own requests were seen: " + httpUrls);
            // The navigation's own URL keeps the fragment inside the browser: DevTools reports it, no server sees it.
            assertTrue(httpUrls.stream().filter(u -> u.contains(key)).allMatch(u -> u.startsWith(page + "#")),
                    "the key is in no request URL: " + httpUrls);
            System.out.printf("dashboard live after %.2f s; screenshot %s%n", seconds, png.toAbsolutePath());
        }
    }
}
