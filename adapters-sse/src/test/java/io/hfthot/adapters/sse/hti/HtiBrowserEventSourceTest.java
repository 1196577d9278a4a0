package io.hfthot.adapters.sse.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.profile.IdeaFilters;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's JavaScript example, unchanged but for the server URL and the code, in a page served from another
 * origin (another port) and run by a real headless Chromium: the browser's own {@code EventSource} must pass CORS
 * and receive {@code ready}, {@code ping} and {@code idea}. Skipped with a message when Debian's {@code chromium}
 * is not installed, unless {@code CI} is set (then it fails: CI installs it through {@code .ci/run}).
 */
class HtiBrowserEventSourceTest {
    @TempDir
    Path dir;

    @Test
    void seedExampleInChromiumOnAnotherOriginReceivesReadyPingAndIdea() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (!ci) {
            assumeTrue(Files.isExecutable(DevToolsBrowser.CHROMIUM),
                    "Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)");
        }
        try (HtiServerFixture f = new HtiServerFixture(dir.resolve("lab"), HtiConfig.defaults().withDemoCodes(false))) {
            String code = f.hti.issueCode("Browser", null, 120, IdeaFilters.all()).code();
            String js;
            try (InputStream in = getClass().getResourceAsStream("seed002/event_source.js")) {
                js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String edited = js.replace("http://your-hti-environment:3500", f.base()).replace("<YOUR_API_CODE>", code);
            assertTrue(!edited.equals(js) && edited.contains(code));
            byte[] page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>HTI</title></head><body>"
                    + "<script>\n" + edited + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
            HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            origin.createContext("/", ex -> {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/") ? 200 : 404, page.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(page);
                }
            });
            origin.start();
            try (DevToolsBrowser browser = new DevToolsBrowser(dir.resolve("chromium-profile"))) {
                String pageUrl = "http://127.0.0.1:" + origin.getAddress().getPort() + "/";
                browser.send("Page.navigate", Map.of("url", pageUrl));
                assertTrue(browser.awaitConsole("Stream ready", Duration.ofSeconds(60)), browser.console.toString());
                Thread producer = new Thread(() -> f.stepUntilIdeas(5));
                producer.start();
                assertTrue(browser.awaitConsole("New idea received", Duration.ofSeconds(90)), browser.console.toString());
                assertTrue(browser.awaitConsole("Ping", Duration.ofSeconds(30)), browser.console.toString());
                producer.join(60_000);
                DevToolsBrowser.ConsoleCall idea = browser.console.stream()
                        .filter(c -> c.first().equals("New idea received")).findFirst().orElseThrow();
                assertEquals("object", idea.args().path(1).path("type").asText(), idea.args().toString());
                assertTrue(browser.console.stream().noneMatch(c -> c.type().equals("error")), browser.console.toString());
            } finally {
                origin.stop(0);
            }
        }
    }
}
