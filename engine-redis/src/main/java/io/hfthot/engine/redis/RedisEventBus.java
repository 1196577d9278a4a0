package io.hfthot.engine.redis;

import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.EventFanout;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.events.Topics;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventBus} shared by every replica through Redis Streams: an event published once on any replica
 * reaches the subscribers of every replica, in sequence order, without gaps.
 *
 * <p>How: {@link #publish} runs {@code bus_publish.lua}, which takes the topic's next sequence number from a
 * Redis counter and appends the event to the topic's stream under the id {@code <sequence>-1} (one round trip,
 * atomic). Each bus runs one reader thread on its own connection that reads ({@code XREAD BLOCK}) the streams of
 * the topics it has local subscribers for, from the last sequence it delivered, and hands the events to an
 * {@link EventFanout}, which gives them the in-memory bus's bounded queues and overflow policies. A subscription
 * sees only events with a sequence above the topic's counter when it subscribed. Delivery is asynchronous: the
 * publisher's own subscribers receive its events from the reader too ({@link #awaitDelivered} waits for that).
 *
 * <p>Failures: publishing or subscribing while Redis is unreachable throws the engine's
 * {@code SERVICE_UNAVAILABLE}; the reader retries and resumes from where it stopped, so a Redis that comes back
 * with its data causes no gap. If Redis comes back without the streams (restarted without persistence) or trimmed
 * events a slow reader had not read, the topic's subscriptions are closed with {@link CloseReason#OVERFLOW} so that
 * consumers resynchronise, rather than silently skipping events.
 */
public final class RedisEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);
    private static final LuaScript PUBLISH = LuaScript.load("bus_publish.lua");
    private static final Duration BLOCK = Duration.ofMillis(50);
    private static final int READ_BATCH = 1024;
    private static final long RETRY_MILLIS = 200;

    private final RedisSession redis;
    private final InstantSource clock;
    private final PayloadCodec codec;
    private final long streamLength;
    private final EventFanout fanout;
    private final StatefulRedisConnection<String, String> readerConnection;
    private final Thread reader;
    /** Orders deliveries against subscriptions; guards {@link #positions}. */
    private final Object deliveryLock = new Object();
    /** Per read topic: the last sequence handed to the fan-out. */
    private final Map<String, Long> positions = new HashMap<>();
    /** Per topic: the highest sequence this bus published, for {@link #awaitDelivered}. */
    private final Map<String, Long> publishedHere = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RedisEventBus(RedisSession redis, InstantSource clock, PayloadCodec codec, int deliveryThreads, long streamLength) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
        if (streamLength < 1000) {
            throw new IllegalArgumentException("streamLength must be >= 1000 events, got " + streamLength);
        }
        this.streamLength = streamLength;
        this.fanout = new EventFanout(deliveryThreads, "hfthot-redis-events-");
        this.readerConnection = redis.connect();
        this.reader = new Thread(this::readLoop, "hfthot-redis-bus-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public long publish(String topic, Object payload) {
        Topics.requireValid(topic);
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (topic '" + topic + "')");
        }
        requireOpen();
        String text = codec.encode(topic, payload);
        String at = clock.instant().toString();
        Long seq = RedisFailures.call("event publication", () -> PUBLISH.run(redis.commands(),
                ScriptOutputType.INTEGER, new String[] {streamKey(topic), sequenceKey(topic)}, at, text,
                Long.toString(streamLength)));
        publishedHere.merge(topic, seq, Math::max);
        return seq;
    }

    @Override
    public Subscription subscribe(String topic, SubscriptionOptions options) {
        return register(topic, options, null);
    }

    @Override
    public Subscription subscribe(String topic, SubscriptionOptions options, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return register(topic, options, listener);
    }

    private Subscription register(String topic, SubscriptionOptions options, EventListener listener) {
        Topics.requireValid(topic);
        Objects.requireNonNull(options, "options");
        requireOpen();
        // Under the delivery lock the reader delivers nothing, so every event above `current` is still to come.
        synchronized (deliveryLock) {
            long current = currentSequence(topic);
            Subscription sub = fanout.register(topic, options, listener, current);
            positions.putIfAbsent(topic, current);
            return sub;
        }
    }

    private long currentSequence(String topic) {
        String value = RedisFailures.call("event subscription", () -> redis.commands().get(sequenceKey(topic)));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public int subscriberCount(String topic) {
        return fanout.subscriberCount(topic);
    }

    /**
     * Waits until every event this bus published has been handed to its local subscriptions (topics without local
     * subscribers are not waited for).
     *
     * @param timeout the longest wait
     * @return true when delivered, false on timeout
     * @throws InterruptedException when interrupted
     */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveryLock) {
            while (!delivered()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                deliveryLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private boolean delivered() {
        for (Map.Entry<String, Long> e : publishedHere.entrySet()) {
            Long at = positions.get(e.getKey());
            if (fanout.subscriberCount(e.getKey()) > 0 && (at == null || at < e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void readLoop() {
        boolean failing = false;
        while (!closed) {
            try {
                XReadArgs.StreamOffset<String>[] offsets = offsets();
                if (offsets.length == 0) {
                    Thread.sleep(BLOCK.toMillis());
                    continue;
                }
                List<StreamMessage<String, String>> batch = readerConnection.sync()
                        .xread(XReadArgs.Builder.block(BLOCK).count(READ_BATCH), offsets);
                if (failing) {
                    LOG.info("Redis event bus reader reconnected");
                    failing = false;
                    checkForLostEvents();
                }
                deliver(batch);
            } catch (RedisException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    LOG.warn("Redis event bus reader cannot read ({}); retrying every {} ms", e.getMessage(), RETRY_MILLIS);
                    failing = true;
                }
                pause();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Redis event bus reader failed unexpectedly; retrying", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @SuppressWarnings("unchecked")
    private XReadArgs.StreamOffset<String>[] offsets() {
        synchronized (deliveryLock) {
            // Topics nobody here listens to any more are dropped; a later subscriber starts from the counter.
            positions.keySet().retainAll(fanout.activeTopics());
            return positions.entrySet().stream()
                    .map(e -> XReadArgs.StreamOffset.from(streamKey(e.getKey()), e.getValue() + "-1"))
                    .toArray(XReadArgs.StreamOffset[]::new);
        }
    }

    private void deliver(List<StreamMessage<String, String>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String prefix = redis.key("bus", "");
        synchronized (deliveryLock) {
            for (StreamMessage<String, String> m : batch) {
                String topic = m.getStream().substring(prefix.length());
                Long position = positions.get(topic);
                long seq = Long.parseLong(m.getId().substring(0, m.getId().indexOf('-')));
                if (position == null || seq <= position) {
                    continue;
                }
                if (seq != position + 1) {
                    lose(topic, "events " + (position + 1) + " to " + (seq - 1) + " were trimmed before this replica"
                            + " read them");
                    continue;
                }
                positions.put(topic, seq);
                Object payload;
                try {
                    payload = codec.decode(topic, m.getBody().get("p"));
                } catch (IllegalArgumentException e) {
                    LOG.error("event {} on topic {} cannot be decoded and is skipped: {}", seq, topic, e.getMessage());
                    continue;
                }
                fanout.deliver(new Event(topic, seq, Instant.parse(m.getBody().get("at")), payload));
            }
            deliveryLock.notifyAll();
        }
    }

    /** After an outage: a topic whose counter went backwards lost its stream (Redis restarted empty). */
    private void checkForLostEvents() {
        synchronized (deliveryLock) {
            for (Map.Entry<String, Long> e : Map.copyOf(positions).entrySet()) {
                if (currentSequence(e.getKey()) < e.getValue()) {
                    lose(e.getKey(), "Redis came back without this topic's events");
                }
            }
        }
    }

    private void lose(String topic, String why) {
        LOG.warn("topic {}: {}; closing its {} subscriptions so consumers resynchronise", topic, why,
                fanout.subscriberCount(topic));
        fanout.closeTopic(topic, CloseReason.OVERFLOW);
        positions.remove(topic);
    }

    private String streamKey(String topic) {
        return redis.key("bus", topic);
    }

    private String sequenceKey(String topic) {
        return redis.key("bus-seq", topic);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the event bus is closed");
        }
    }

    /** Closes every subscription with {@link CloseReason#BUS_CLOSED} and stops the reader; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        fanout.close();
        try {
            reader.join(BLOCK.toMillis() * 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readerConnection.close();
    }
}
