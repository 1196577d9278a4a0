package io.hfthot.adapters.http.hub.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process per agent: status over the hub's WS, crash reported as failed, stop, no orphan after SIGTERM. */
class ProcessAgentRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private JsonNode send(String method, String uri, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, uri + " -> " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void agentsRunInChildProcessesAndACrashIsReportedAsFailed() throws Exception {
        try (ProcessHub h = new ProcessHub(dir)) {
            String token = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(h.base() + "/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + ProcessHub.ADMIN + "\",\"password\":\"" + ProcessHub.PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
            LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
            client.newWebSocketBuilder().buildAsync(URI.create(h.base().replace("http", "ws") + "/ws?token=" + token),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            try {
                                messages.add(JSON.readTree(data.toString()));
                            } catch (java.io.IOException e) {
                                throw new AssertionError(e);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            String body = "{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"momentum_breakout\",\"interval_seconds\":1}";
            String crashing = send("POST", h.base() + "/api/agents", token, body).get("id").asText();
            String stopping = send("POST", h.base() + "/api/agents", token, body).get("id").asText();
            long pid = h.runtime.pid(crashing).orElseThrow();
            assertFalse(pid == ProcessHandle.current().pid());
            JsonNode status;
            do {
                status = messages.poll(30, TimeUnit.SECONDS);
                assertTrue(status != null, "no agent_status pushed by the child");
            } while (!("agent_status".equals(status.path("type").asText())
                    && crashing.equals(status.path("agent_id").asText())));
            assertTrue(status.get("last_price").asDouble() > 0);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            waitFor(() -> {
                try {
                    return "failed".equals(send("GET", h.base() + "/api/agents/" + crashing, token, null)
                            .get("status").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the crashed agent reported failed");
            assertTrue(send("GET", h.base() + "/api/agents/" + crashing, token, null).get("status_reason").asText()
                    .contains("exited"));

            long other = h.runtime.pid(stopping).orElseThrow();
            assertEquals("stopped", send("POST", h.base() + "/api/agents/" + stopping + "/stop", token, null)
                    .get("status").asText());
            waitFor(() -> ProcessHandle.of(other).map(p -> !p.isAlive()).orElse(true), "the stopped agent's exit");
        }
    }

    @Test
    void noAgentProcessOutlivesAHubStoppedBySigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process hub = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ProcessHub.class.getName(), dir.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
            long child = -1;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CHILD_PID ")) {
                    child = Long.parseLong(line.substring(10).trim());
                    break;
                }
            }
            long childPid = child;
            assertTrue(childPid > 0, "the hub process printed its agent's pid");
            assertTrue(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false));
            hub.destroy(); // SIGTERM
            assertTrue(hub.waitFor(60, TimeUnit.SECONDS), "the hub stopped");
            waitFor(() -> ProcessHandle.of(childPid).map(p -> !p.isAlive()).orElse(true), "no orphan agent");
        } finally {
            hub.destroyForcibly();
        }
    }
}
