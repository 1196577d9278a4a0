package io.hfthot.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.client.HfthotException;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Flow control and the end of a {@link LabStream}, driven through its listener with a fake JDK
 * {@link WebSocket} that records what the client asks for and sends: no network, no timing.
 */
class LabStreamFlowTest {
    /** Records request(n) calls and sent text; everything else is inert. */
    private static final class FakeSocket implements WebSocket {
        final List<Long> requests = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        boolean aborted;

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            sent.add(data.toString());
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            sent.add("close " + statusCode);
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public void request(long n) {
            requests.add(n);
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return aborted;
        }

        @Override
        public boolean isInputClosed() {
            return aborted;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    private static final String TICK = "{\"type\":\"tick\",\"symbol\":\"BTC-USDT\",\"price\":1.0,\"qty\":2.0,\"side\":\"buy\",\"ts_ms\":%d,\"latency_us\":1}";

    private final FakeSocket socket = new FakeSocket();
    private final StreamListener listener = new StreamListener(3);
    private final LabStream stream = new LabStream(socket, Duration.ofSeconds(1), listener.queue());

    @Test
    void theClientReadsAtMostBufferSizeMessagesAheadOfTheConsumer() {
        listener.onOpen(socket);
        assertEquals(List.of(3L), socket.requests, "the buffer's worth on open");
        for (int i = 0; i < 3; i++) {
            listener.onText(socket, String.format(TICK, i), true);
        }
        assertEquals(List.of(3L), socket.requests, "no more is asked for while nobody consumes");
        for (int i = 0; i < 3; i++) {
            StreamMessage.Tick t = (StreamMessage.Tick) stream.next(Duration.ZERO).orElseThrow();
            assertEquals(i, t.tsMs());
            assertEquals(2 + i, socket.requests.size(), "one more per message taken");
        }
        assertEquals(Optional.empty(), stream.next(Duration.ZERO));
    }

    @Test
    void fragmentsAreJoinedWithoutSpendingTheBudget() {
        listener.onOpen(socket);
        String whole = String.format(TICK, 7);
        listener.onText(socket, whole.substring(0, 10), false);
        listener.onText(socket, whole.substring(10, 30), false);
        listener.onText(socket, whole.substring(30), true);
        assertEquals(List.of(3L, 1L, 1L), socket.requests);
        assertEquals(7, ((StreamMessage.Tick) stream.next(Duration.ZERO).orElseThrow()).tsMs());
    }

    @Test
    void theIterationEndsAtTheServersCloseWhichIsReported() {
        listener.onOpen(socket);
        listener.onText(socket, "{\"type\":\"pong\"}", true);
        listener.onClose(socket, 1001, "idle timeout");
        Iterator<StreamMessage> it = stream.iterator();
        assertTrue(it.hasNext());
        assertEquals(new StreamMessage.Pong(), it.next());
        assertFalse(it.hasNext());
        assertEquals(Optional.of("1001 idle timeout"), stream.closeStatus());
    }

    @Test
    void aTransportFailureIsThrownToTheConsumer() {
        listener.onError(socket, new IOException("connection reset"));
        HfthotException e = assertThrows(HfthotException.class, () -> stream.next(Duration.ZERO));
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
    }

    @Test
    void commandsAreSeedZeroJsonAndCloseIsNormal() {
        stream.subscribe(StreamName.PRICE_FEED, "BTC-USDT");
        stream.unsubscribe(StreamName.REGIME, "ETH-USDT");
        stream.ping();
        assertThrows(IllegalArgumentException.class, () -> stream.subscribe(StreamName.REGIME, " "));
        stream.close();
        assertEquals(List.of("{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}",
                "{\"type\":\"unsubscribe\",\"stream\":\"regime\",\"symbol\":\"ETH-USDT\"}", "{\"type\":\"ping\"}", "close 1000"),
                socket.sent);
        assertTrue(socket.aborted, "the connection is released after the close frame");
        assertFalse(stream.iterator().hasNext());
    }
}
