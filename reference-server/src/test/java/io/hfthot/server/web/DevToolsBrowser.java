package io.hfthot.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: one page, commands
 * ({@link #call}) and the events it sends (kept in {@link #events}). Started with its own profile directory and
 * {@code --remote-debugging-port=0}; the chosen port is read from the profile's {@code DevToolsActivePort} file.
 * Closing kills the browser process. Shared by the browser tests of both dashboards.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Every event received, in order. */
    final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private DevToolsBrowser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** @return the Chromium binary, or null when none is installed */
    static Path chromium() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    static DevToolsBrowser start(Path binary, Path profile) throws Exception {
        Process p = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--window-size=1280,900", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new IllegalStateException("Chromium did not open its DevTools port; see "
                            + profile.resolveSibling("chromium.log"));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String pageUrl = null;
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page")) {
                    pageUrl = t.get("webSocketDebuggerUrl").asText();
                }
            }
            if (pageUrl == null) {
                throw new IllegalStateException("no page target in " + targets);
            }
            DevToolsBrowser[] self = new DevToolsBrowser[1];
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
                        private final StringBuilder buffer = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            buffer.append(data);
                            if (last) {
                                String text = buffer.toString();
                                buffer.setLength(0);
                                self[0].receive(text);
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            self[0] = new DevToolsBrowser(p, ws);
            return self[0];
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private void receive(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    if (m.has("error")) {
                        f.completeExceptionally(new IllegalStateException(m.get("error").toString()));
                    } else {
                        f.complete(m.get("result"));
                    }
                }
            } else {
                events.add(m);
            }
        } catch (IOException e) {
            throw new IllegalStateException("DevTools sent something that is not JSON: " + text, e);
        }
    }

    /**
     * Sends a command and waits for its result.
     *
     * @param method e.g. {@code Runtime.evaluate}
     * @param params the parameters
     * @return the result object
     */
    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
        return result.get(30, TimeUnit.SECONDS);
    }

    /** Evaluates an expression in the page and returns its value (by value, awaiting promises). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page threw: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Enables the domains whose events the tests read: runtime exceptions, console and log entries, requests. */
    void enableEvents() throws Exception {
        for (String method : new String[] {"Runtime.enable", "Log.enable", "Page.enable", "Network.enable"}) {
            call(method, Map.of());
        }
    }

    /**
     * Evaluates an expression every 100 ms until its value satisfies a condition or the time is up.
     *
     * @return the last value (which the caller asserts on: it may not satisfy the condition)
     */
    JsonNode poll(String expression, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = evaluate(expression);
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = evaluate(expression);
        }
        return value;
    }

    /**
     * Writes a PNG screenshot of the page.
     *
     * @param file where, e.g. {@code target/dashboard.png}
     * @return the file
     */
    Path screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        return file;
    }

    /** @return the exceptions thrown in the page, its {@code console.error} calls and its error log entries */
    List<JsonNode> consoleErrors() {
        List<JsonNode> errors = new ArrayList<>();
        for (JsonNode e : events) {
            String method = e.path("method").asText();
            if (method.equals("Runtime.exceptionThrown")
                    || (method.equals("Runtime.consoleAPICalled") && e.at("/params/type").asText().equals("error"))
                    || (method.equals("Log.entryAdded") && e.at("/params/entry/level").asText().equals("error"))) {
                errors.add(e);
            }
        }
        return errors;
    }

    /** @return the URL of every request the page sent, in order */
    List<String> requestUrls() {
        List<String> urls = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(e.at("/params/request/url").asText());
            }
        }
        return urls;
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
