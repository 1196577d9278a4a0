package io.hfthot.adapters.sse.hti;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven over the DevTools protocol (the JDK WebSocket client speaks it): start it
 * with {@code --remote-debugging-port=0}, read the port it chose from {@code DevToolsActivePort} in its profile
 * directory, attach to its first page, navigate, and collect the page's console calls
 * ({@code Runtime.consoleAPICalled}). {@code --dump-dom} would snapshot the page at load and miss the stream's
 * later events, hence the protocol.
 */
final class DevToolsBrowser implements AutoCloseable {
    /** Where Debian installs it. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One console call.
     *
     * @param type  {@code log}, {@code error}, ...
     * @param first the first argument's value as text
     * @param args  every argument as the protocol describes it
     */
    record ConsoleCall(String type, String first, JsonNode args) {
    }

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    final List<ConsoleCall> console = new CopyOnWriteArrayList<>();

    DevToolsBrowser(Path profile) throws Exception {
        process = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                close();
                throw new IOException("chromium did not open its DevTools port; see "
                        + profile.resolveSibling("chromium.log"));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asText())) {
                page = t.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (page == null) {
            close();
            throw new IOException("chromium shows no page target: " + targets);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).get(30, TimeUnit.SECONDS);
        send("Runtime.enable", Map.of());
    }

    /** Calls a protocol method without waiting for its answer (events are what the test reads). */
    void send(String method, Map<String, Object> params) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", ids.incrementAndGet());
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        socket.sendText(msg.toString(), true).join();
    }

    /** Waits until the console shows a call whose first argument is {@code text}. */
    boolean awaitConsole(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (console.stream().anyMatch(c -> text.equals(c.first()))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    if ("Runtime.consoleAPICalled".equals(msg.path("method").asText())) {
                        JsonNode args = msg.path("params").path("args");
                        console.add(new ConsoleCall(msg.path("params").path("type").asText(),
                                args.path(0).path("value").asText(), args));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message", e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        // Chromium's helpers are children of the process this class started: end them with it.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
