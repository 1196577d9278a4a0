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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SplitFanOutTest {
    /** Records what it is sent and on which thread. */
    private static final class Recording implements WebSocketConnection {
        final List<String> received = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final String id;

        /** Busy time of each send, as a socket write takes (0 for none). */
        volatile long sendNanos;
        /** When set, a send waits here first (a connection whose write is stuck). */
        volatile CountDownLatch stuck;

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
            CountDownLatch s = stuck;
            if (s != null) {
                try {
                    s.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long until = System.nanoTime() + sendNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
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
    void everyConnectionGetsEveryMessageInOrderAndBothThreadsSend() {
        List<Recording> all = connections(100);
        all.forEach(c -> c.sendNanos = 10_000); // a loopback socket write: the helper has time to join
        List<String> sent = messages(300);
        try (SplitFanOut fanOut = new SplitFanOut("test-sender")) {
            for (String m : sent) {
                fanOut.send(EncodedText.of(m), Collections.unmodifiableList(all));
            }
            // The next send waits until every connection has the previous message: an empty one ends the test.
            fanOut.send(EncodedText.of("end"), List.of());
        }
        for (Recording c : all) {
            assertEquals(sent, c.received, c.id());
        }
        assertTrue(all.stream().anyMatch(c -> c.threads.contains("test-sender")), "the helper never sent");
        assertTrue(all.stream().anyMatch(c -> c.threads.contains(Thread.currentThread().getName())),
                "the caller never sent");
    }

    @Test
    void aStuckSendDelaysNoOtherConnection() throws InterruptedException {
        List<Recording> all = connections(50);
        CountDownLatch release = new CountDownLatch(1);
        all.get(0).stuck = release;
        try (SplitFanOut fanOut = new SplitFanOut("test-sender")) {
            Thread caller = new Thread(() -> {
                fanOut.send(EncodedText.of("a"), Collections.unmodifiableList(all));
                fanOut.send(EncodedText.of("b"), Collections.unmodifiableList(all));
            });
            caller.start();
            // Whichever thread holds the stuck connection, the other gives the message to all the others.
            awaitAll(all.subList(1, all.size()), 1);
            for (Recording c : all.subList(1, all.size())) {
                assertEquals(List.of("a"), c.received, c.id());
            }
            assertEquals(List.of(), all.get(0).received);
            // "b" waits until the stuck connection has "a": order per connection is kept.
            release.countDown();
            caller.join(10_000);
        }
        for (Recording c : all) {
            assertEquals(List.of("a", "b"), c.received, c.id());
        }
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
