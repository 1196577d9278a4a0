package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A message encoded once ({@link EncodedText}) and sent to several connections arrives intact on each (multi-byte
 * UTF-8 included), and in order with plain text messages when it has to wait in a connection's send queue.
 */
class EncodedTextBroadcastTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<WebSocketConnection> open = new CopyOnWriteArrayList<>();
    private TransportServer server;

    @BeforeEach
    void start() throws Exception {
        HttpSurface surface = HttpSurface.builder("t", ErrorShape.DETAIL)
                .webSocket("/stream", new WebSocketEndpoint() {
                    @Override
                    public void onOpen(WebSocketConnection c) {
                        open.add(c);
                    }
                })
                .build();
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void oneEncodingReachesEveryConnectionByteForByte() throws Exception {
        List<WsClient> dashboards = connect(3);
        String text = "{\"token\":\"prix é, 価格, \uD83D\uDE80\",\"midpoint\":0.52}";
        EncodedText message = EncodedText.of(text);
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, message.byteLength());
        for (int round = 0; round < 2; round++) {
            for (WebSocketConnection c : open) {
                assertTrue(c.send(message));
            }
        }
        for (WsClient d : dashboards) {
            assertEquals(text, d.next());
            assertEquals(text, d.next());
        }
    }

    @Test
    void encodedAndPlainMessagesKeepTheirOrderThroughTheSendQueue() throws Exception {
        WsClient dashboard = connect(1).get(0);
        WebSocketConnection c = open.get(0);
        // Sent faster than one write completes, so most of them wait in the queue behind the one in flight.
        for (int i = 0; i < 500; i++) {
            String text = "{\"seq\":" + i + ",\"pad\":\"" + "x".repeat(2000) + "\"}";
            assertTrue(i % 2 == 0 ? c.send(EncodedText.of(text)) : c.send(text));
        }
        for (int i = 0; i < 500; i++) {
            assertTrue(dashboard.next().startsWith("{\"seq\":" + i + ","), "message " + i + " out of order");
        }
    }

    private List<WsClient> connect(int n) throws Exception {
        List<WsClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(WsClient.connect(client, "ws://127.0.0.1:" + server.port() + "/stream"));
        }
        WebSocketTest.waitFor(() -> open.size() == n);
        return clients;
    }
}
