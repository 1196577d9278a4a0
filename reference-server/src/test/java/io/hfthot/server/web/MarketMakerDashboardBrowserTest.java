package io.hfthot.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.marketmaker.MarketMakerHttpSurface;
import io.hfthot.server.ReferenceServer;
import io.hfthot.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market-maker dashboard ({@code /dashboard/} on the market-maker port) in a real headless Chromium, driven over
 * the DevTools protocol: opened with the key in the URL fragment, it shows live TradeData within 5 seconds, keeps
 * HEARTBEAT messages out of the blotter, warns of latency over 500 ms (reported or on arrival), colours the inventory, shows the server's {@code {"detail"}} for a refused parameter, changes a
 * parameter end to end through its form, and stops the bot through the kill switch only after its confirmation. The
 * effects are checked on the server's own stream with a separate WebSocket client, not only on the page. No console
 * error; the key leaves the address bar, is stored nowhere and is in no request URL. A screenshot is written to
 * {@code target/mm-dashboard.png}. Skipped, with a message, where Chromium is not installed.
 */
class MarketMakerDashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    @Test
    void theKillSwitchAndTheParameterFormWorkEndToEndOnLiveData() throws Exception {
        Path chromium = DevToolsBrowser.chromium();
        assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium): browser test skipped");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(tmp.resolve("data")).withDashboardApiKey(key));
             DevToolsBrowser browser = DevToolsBrowser.start(chromium, tmp.resolve("profile"))) {
            String base = server.baseUri(ReferenceServer.Surface.MARKET_MAKER);
            URI stream = URI.create(base.replaceFirst("^http", "ws") + MarketMakerHttpSurface.STREAM_PATH);
            browser.enableEvents();
            // Test instrumentation, not part of the page: keeps the page's WebSocket and its last message reachable,
            // so that the latency warning and the inventory colours can be fed messages the simulator never sends.
            browser.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    window.__sockets = [];
                    const NativeWebSocket = window.WebSocket;
                    window.WebSocket = class extends NativeWebSocket {
                      constructor(...args) {
                        super(...args);
                        window.__sockets.push(this);
                        this.addEventListener('message', (e) => { window.__last = e.data; });
                      }
                    };"""));
            String page = base + "/dashboard/";
            browser.call("Page.navigate", Map.of("url", page + "#key=" + key));

            long start = System.nanoTime();
            JsonNode live = browser.poll("""
                    document.getElementById('blotter') === null ? { loading: true } : ({
                       messages: Number(document.getElementById('message-count').textContent),
                       rows: document.querySelectorAll('#blotter tr').length,
                       stream: document.getElementById('stream-state').textContent,
                       inventoryClass: document.getElementById('inventory').className,
                       midpoint: document.getElementById('midpoint').textContent,
                       href: location.href,
                       stored: localStorage.length + sessionStorage.length + document.cookie.length })""",
                    s -> s.path("rows").asInt() >= 2, FIVE_SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(live.path("rows").asInt() >= 2, "live TradeData in the blotter within 5 s: " + live);
            assertEquals("live", live.path("stream").asText(), live.toString());
            assertTrue(live.path("midpoint").asText().matches("0\\.\\d{4}"), "a midpoint from the stream: " + live);
            assertTrue(List.of("long", "short", "flat").contains(live.path("inventoryClass").asText()), live.toString());
            assertEquals(page, live.path("href").asText(), "the key left the address bar");
            assertEquals(0, live.path("stored").asInt(), "nothing stored");

            // A heartbeat comes every 5 s: once one arrived, the blotter must still hold none.
            JsonNode beats = browser.poll("""
                    ({ heartbeats: Number(document.getElementById('heartbeat-count').textContent),
                       heartbeatRows: document.querySelectorAll('#blotter tr[data-action="HEARTBEAT"]').length,
                       rows: document.querySelectorAll('#blotter tr').length })""",
                    s -> s.path("heartbeats").asInt() >= 1, Duration.ofSeconds(8));
            assertTrue(beats.path("heartbeats").asInt() >= 1, "a heartbeat arrived: " + beats);
            assertEquals(0, beats.path("heartbeatRows").asInt(), "no HEARTBEAT in the blotter: " + beats);
            assertTrue(beats.path("rows").asInt() >= 2, beats.toString());

            // A refused value: the form shows the server's {"detail"} and nothing changes.
            JsonNode refused = submitParameters(browser, "spread_offset", "0.9");
            assertTrue(refused.asText().startsWith("Refused: 422: spread_offset must be"), "the detail is shown: " + refused);

            // An accepted one, end to end: a min_liquidity above any market's makes the bot skip every tick.
            browser.evaluate("document.getElementById('spread_offset').value = ''");
            JsonNode updated = submitParameters(browser, "min_liquidity", "1000000000000");
            assertTrue(updated.asText().startsWith("updated") && updated.asText().contains("\"min_liquidity\": 1000000000000"),
                    "the server's answer is shown: " + updated);
            assertTrue(awaitAction(stream, "SKIPPED_FILTER"), "the stream shows the bot skipping under the new filter");
            JsonNode skipped = browser.poll("document.querySelector('#blotter tr td:nth-child(2)').textContent",
                    s -> s.asText().equals("SKIPPED_FILTER"), FIVE_SECONDS);
            assertEquals("SKIPPED_FILTER", skipped.asText(), "the blotter's newest row");

            // The kill switch: the first click only asks for confirmation.
            browser.evaluate("document.getElementById('kill-reason').value = 'browser test'; document.getElementById('kill').click()");
            JsonNode asked = browser.evaluate("({ confirm: !document.getElementById('kill-confirm').hidden,"
                    + " result: document.getElementById('kill-result').textContent })");
            assertTrue(asked.path("confirm").asBoolean(), "a confirmation step: " + asked);
            assertEquals("", asked.path("result").asText(), "nothing sent before the confirmation");
            browser.evaluate("document.getElementById('kill-yes').click()");
            JsonNode stopped = browser.poll("document.getElementById('kill-result').textContent",
                    s -> !s.asText().isEmpty(), FIVE_SECONDS);
            assertEquals("EMERGENCY_STOP_ACTIVATED (browser test)", stopped.asText());
            assertTrue(awaitAction(stream, "STOPPED"), "the stream shows the bot stopped");
            JsonNode action = browser.poll("document.getElementById('action').textContent",
                    s -> s.asText().equals("STOPPED"), FIVE_SECONDS);
            assertEquals("STOPPED", action.asText(), "the page shows the bot stopped");

            Path png = browser.screenshot(Path.of("target", "mm-dashboard.png"));
            assertTrue(Files.size(png) > 10_000, "a real screenshot at " + png.toAbsolutePath());

            // Messages fed straight to the page's handler; each is read back in the same script run, before any real
            // message can arrive. Seed 003 timestamps: UTC, no offset, microseconds.
            JsonNode fed = browser.evaluate("""
                    (() => {
                      const socket = window.__sockets[window.__sockets.length - 1];
                      const stamp = (ms) => new Date(ms).toISOString().slice(0, 23) + '456';
                      const feed = (latency, ageMs, inventory) => {
                        const data = Object.assign(JSON.parse(window.__last), { action: 'QUOTES_HELD',
                          timestamp: stamp(Date.now() - ageMs), latency_ms: latency, inventory: inventory });
                        socket.onmessage({ data: JSON.stringify(data) });
                        const warning = document.getElementById('latency-warning');
                        return (warning.hidden ? '' : warning.textContent) + '|' + document.getElementById('inventory').className;
                      };
                      return { late: feed(12.5, 2000, 5), slow: feed(750, 0, -3), onTime: feed(499, 0, 0) };
                    })()""");
            assertTrue(fed.path("late").asText().matches("Latency warning: message \\d+ ms old on arrival .*\\|long"),
                    "a message 2 s old warns; inventory 5 is long: " + fed);
            assertTrue(fed.path("slow").asText().matches("Latency warning: latency 750\\.0 ms .*\\|short"),
                    "latency_ms 750 warns; inventory -3 is short: " + fed);
            assertEquals("|flat", fed.path("onTime").asText(), "499 ms and on time: no warning; inventory 0 is flat");

            // The deliberate 422 is logged by Chromium as a failed resource load: the only error accepted.
            List<JsonNode> errors = browser.consoleErrors().stream()
                    .filter(e -> !(e.at("/params/entry/source").asText().equals("network")
                            && e.at("/params/entry/url").asText().endsWith(MarketMakerHttpSurface.PARAMETERS_PATH)
                            && e.at("/params/entry/text").asText().contains("422")))
                    .toList();
            assertTrue(errors.isEmpty(), "console errors: " + errors);
            List<String> urls = browser.requestUrls();
            assertTrue(urls.stream().anyMatch(u -> u.endsWith(MarketMakerHttpSurface.STOP_PATH)), "the page's requests were seen: " + urls);
            // The navigation's own URL keeps the fragment inside the browser: DevTools reports it, no server sees it.
            assertTrue(urls.stream().filter(u -> u.contains(key)).allMatch(u -> u.startsWith(page + "#")),
                    "the key is in no request URL: " + urls);
            System.out.printf("market-maker dashboard live after %.2f s; screenshot %s%n", seconds, png.toAbsolutePath());
        }
    }

    /** Fills one field of the parameter form, submits it and returns the answer shown. */
    private static JsonNode submitParameters(DevToolsBrowser browser, String field, String value) throws Exception {
        browser.evaluate("document.getElementById('params-result').textContent = ''; document.getElementById('"
                + field + "').value = '" + value + "'; document.getElementById('params-form').requestSubmit()");
        return browser.poll("document.getElementById('params-result').textContent", s -> !s.asText().isEmpty(), FIVE_SECONDS);
    }

    /**
     * Reads the server's stream with a client of its own (the first message is the latest one) until a message with
     * the action arrives or 5 seconds pass.
     */
    private static boolean awaitAction(URI stream, String action) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(stream, new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                    messages.add(buffer.toString());
                    buffer.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        try {
            long deadline = System.nanoTime() + FIVE_SECONDS.toNanos();
            while (System.nanoTime() < deadline) {
                String m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && JSON.readTree(m).path("action").asText().equals(action)) {
                    return true;
                }
            }
            return false;
        } finally {
            socket.abort();
        }
    }
}
