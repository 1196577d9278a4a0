package io.hfthot.adapters.http.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.EncodedText;
import io.hfthot.adapters.http.QueryParams;
import io.hfthot.adapters.http.WebSocketConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SplitFanOutTest {
    /** Records what it is sent and on which thread. */
    private static final class Recording implements WebSocketConnection {
        final List<String> received = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final String id;

        Recording(int n) {
            this.id = "c" + n;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public QueryParams query() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> attributes() {
            return Map.of();
        }

        @Override
        public boolean send(String text) {
            received.add(text);
            threads.add(Thread.currentThread().getName());
            return true;
        }

        @Override
        public boolean sendJson(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public int queuedMessages() {
            return 0;
        }

        @Override
        public long droppedMessages() {
            return 0;
        }

        @Override
        public void closeOnDisconnect(AutoCloseable resource) {
        }
    }

    private static List<Recording> connections(int n) {
        List<Recording> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new Recording(i));
        }
        return all;
    }

    private static List<String> messages(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add("{\"n\":" + i + "}");
        }
        return all;
    }

    private static void awaitAll(List<Recording> all, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (all.stream().anyMatch(c -> c.received.size() < count) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void everyConnectionGetsEveryMessageInOrderEachFromOneThread() throws InterruptedException {
        List<Recording> all = connections(100);
        List<String> sent = messages(500);
        try (SplitFanOut fanOut = new SplitFanOut("test-sender")) {
            for (String m : sent) {
                fanOut.send(EncodedText.of(m), Collections.unmodifiableList(all));
            }
            awaitAll(all, sent.size());
        }
        for (Recording c : all) {
            assertEquals(sent, c.received, c.id());
            assertEquals(1, c.threads.size(), c.id() + " " + c.threads);
            assertEquals(SplitFanOut.onSender(c), c.threads.contains("test-sender"), c.id());
        }
        long onSender = all.stream().filter(c -> c.threads.contains("test-sender")).count();
        // Identity hashes are random: the split is about even, far from all on one side.
        assertTrue(onSender >= 25 && onSender <= 75, onSender + " of 100 on the sender thread");
    }

    @Test
    void fewConnectionsAreSentByTheCaller() {
        List<Recording> all = connections(SplitFanOut.MIN_TO_SPLIT - 1);
        try (SplitFanOut fanOut = new SplitFanOut("test-sender")) {
            fanOut.send(EncodedText.of("{}"), Collections.unmodifiableList(all));
        }
        for (Recording c : all) {
            assertEquals(List.of("{}"), c.received);
            assertEquals(Set.of(Thread.currentThread().getName()), c.threads);
        }
    }
}
