package io.hfthot.adapters.http.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK {@link WebSocket} client of {@code /v1/stream} that records the JSON messages it receives. */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static StreamClient connect(HttpClient client, String uri) throws Exception {
        StreamClient c = new StreamClient();
        c.socket = client.newWebSocketBuilder().buildAsync(URI.create(uri), c).get(20, TimeUnit.SECONDS);
        return c;
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(10, TimeUnit.SECONDS);
    }

    JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(20, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no WebSocket message within 20 s");
        }
        return m;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(LabServerFixture.JSON.readTree(partial.toString()));
            } catch (Exception e) {
                closed.completeExceptionally(new AssertionError("not JSON: " + partial, e));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
