package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorMapper;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.RequestContext;
import io.hfthot.adapters.http.WebSocketConnection;
import io.hfthot.adapters.http.WebSocketEndpoint;
import io.hfthot.adapters.http.lab.StreamMessages.Ack;
import io.hfthot.adapters.http.lab.StreamMessages.Command;
import io.hfthot.adapters.http.lab.StreamMessages.PriceTick;
import io.hfthot.adapters.http.lab.StreamMessages.StreamError;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.lab.api.TickMessage;
import io.hfthot.engine.quota.StreamGrant;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 000's {@code /v1/stream} WebSocket: the key is checked at the upgrade ({@code ?api_key=}, 401 refuses
 * it), a stream slot of the caller's tier is taken (1 / 3 / 10 / unlimited concurrent streams per account, over
 * all its keys; 429 refuses the upgrade when none is free) and held until the connection closes. Revoking the key
 * ({@code DELETE /v1/keys/{key_id}}) closes its connections with 1008 {@code API key revoked}.
 *
 * <p>Messages: {@code subscribe} / {@code unsubscribe} with {@code stream} {@code price_feed} or
 * {@code regime} and a {@code symbol}, answered by an {@link Ack}; then {@code tick} messages
 * ({@link PriceTick}) or {@code regime_change} messages (the engine's record) in publication order;
 * {@code {"type":"ping"}} is answered by {@code {"type":"pong"}}; a bad message is answered by a
 * {@link StreamError} and the connection stays open. A subscriber whose event queue overflows is closed
 * with 1008 rather than silently skipping events, so a client that keeps up never sees a gap. The idle
 * timeout (60 s by default) is the endpoint's {@link io.hfthot.adapters.http.WebSocketSettings}.
 */
public final class LabStreamEndpoint implements WebSocketEndpoint {
    /** Subscriptions one connection may hold at a time (bounds the memory a client can pin). */
    public static final int MAX_SUBSCRIPTIONS = 64;
    private static final String LEASE = "hfthot.stream.lease";
    private static final String KEY_ID = "hfthot.stream.key";
    private static final String SUBSCRIPTIONS = "hfthot.stream.subscriptions";

    private final LabService engine;
    private final AccessControl access;
    private final Clock clock;
    private final JsonCodec codec;
    private final SubscriptionOptions options;
    private final Map<String, EncodedTick> lastTick = new ConcurrentHashMap<>();

    /**
     * Creates the endpoint.
     *
     * @param engine        the engine whose tick and regime topics are streamed
     * @param access        the stream-slot quotas
     * @param clock         the time of stream decisions and of {@code latency_us}
     * @param codec         decodes client messages
     * @param queueCapacity events queued per subscription before the subscriber is cut off
     */
    public LabStreamEndpoint(LabService engine, AccessControl access, Clock clock, JsonCodec codec, int queueCapacity) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.options = new SubscriptionOptions(queueCapacity, OverflowPolicy.CANCEL);
    }

    @Override
    public void authorize(RequestContext upgrade) {
        Principal principal = LabAccessFilter.principal(upgrade);
        StreamGrant grant = access.openStream(principal, clock.instant());
        grant.decision().rateLimitHeaders().forEach(upgrade::setResponseHeader);
        if (!grant.decision().allowed()) {
            throw LabErrors.refused(grant.decision());
        }
        upgrade.attributes().put(LEASE, grant.lease());
        upgrade.attributes().put(KEY_ID, principal.keyId());
    }

    @Override
    public void onOpen(WebSocketConnection connection) {
        Object lease = connection.attributes().get(LEASE);
        if (lease instanceof AutoCloseable c) {
            connection.closeOnDisconnect(c);
        }
        if (connection.attributes().get(KEY_ID) instanceof String keyId) {
            // DELETE /v1/keys/{key_id} ends the key's streams at once (1008: policy violation).
            connection.closeOnDisconnect(access.accountKeys().onRevoke(keyId,
                    () -> connection.close(1008, "API key revoked")));
        }
        connection.attributes().put(SUBSCRIPTIONS, new ConcurrentHashMap<String, Subscription>());
    }

    @Override
    public void onText(WebSocketConnection connection, String text) {
        try {
            Command command = codec.decode(text, Command.class);
            String type = command.type();
            if ("ping".equals(type)) {
                connection.sendJson(StreamMessages.Pong.INSTANCE);
            } else if ("subscribe".equals(type)) {
                subscribe(connection, command);
            } else if ("unsubscribe".equals(type)) {
                unsubscribe(connection, command);
            } else {
                throw ApiException.invalid("field 'type' = " + (type == null ? "nothing" : "'" + type + "'")
                        + " is not accepted; expected one of [ping, subscribe, unsubscribe]");
            }
        } catch (EngineException e) {
            reply(connection, LabErrors.toApi(e), "");
        } catch (RuntimeException e) {
            reply(connection, e, connection.id());
        }
    }

    @Override
    public void onClose(WebSocketConnection connection, int statusCode, String reason) {
        Map<String, Subscription> subs = subscriptions(connection);
        subs.values().forEach(Subscription::close);
        subs.clear();
    }

    private void subscribe(WebSocketConnection connection, Command command) {
        String stream = stream(command);
        String symbol = symbol(command);
        Map<String, Subscription> subs = subscriptions(connection);
        String key = stream + "|" + symbol;
        if (!subs.containsKey(key)) {
            if (subs.size() >= MAX_SUBSCRIPTIONS) {
                throw ApiException.invalid("a connection holds at most " + MAX_SUBSCRIPTIONS
                        + " subscriptions; unsubscribe first");
            }
            // Subscribe first (so nothing published after the client reads the ack is missed), but hold the
            // gate until the ack is queued, so the stream's first event cannot overtake its ack.
            Object gate = new Object();
            synchronized (gate) {
                EventListener listener = listener(connection, subs, key, gate);
                Subscription sub = StreamMessages.PRICE_FEED.equals(stream)
                        ? engine.subscribeTicks(symbol, options, listener)
                        : engine.subscribeRegime(symbol, options, listener);
                subs.put(key, sub);
                connection.closeOnDisconnect(sub);
                connection.sendJson(new Ack("subscribed", stream, symbol));
            }
        } else {
            connection.sendJson(new Ack("subscribed", stream, symbol));
        }
    }

    private void unsubscribe(WebSocketConnection connection, Command command) {
        String stream = stream(command);
        String symbol = symbol(command);
        Subscription sub = subscriptions(connection).remove(stream + "|" + symbol);
        if (sub != null) {
            sub.close();
        }
        connection.sendJson(new Ack("unsubscribed", stream, symbol));
    }

    private EventListener listener(WebSocketConnection connection, Map<String, Subscription> subs, String key,
                                   Object gate) {
        return new EventListener() {
            @Override
            public void onEvent(Event event) {
                synchronized (gate) {
                    connection.send(encode(event));
                }
            }

            @Override
            public void onClose(CloseReason reason) {
                subs.remove(key);
                if (reason == CloseReason.OVERFLOW) {
                    // Never skip events silently: the client reconnects and knows it missed some.
                    connection.close(1008, "event queue overflow; reconnect and resubscribe");
                } else if (reason == CloseReason.BUS_CLOSED) {
                    connection.close(1001, "server shutting down");
                }
            }
        };
    }

    /**
     * Encodes an event for one subscriber. Every subscriber of a topic receives the same {@link Event}, so
     * the JSON is built once per event and only {@code latency_us}, which is measured at each send, is
     * appended per subscriber: with 100 subscribers this saves 99 Jackson encodings per tick.
     */
    private String encode(Event event) {
        if (!(event.payload() instanceof TickMessage t)) {
            return codec.encodeToString(event.payload());
        }
        EncodedTick cached = lastTick.get(event.topic());
        if (cached == null || cached.event != event) {
            // PriceTick's last component is latency_us, so its encoding with 0 ends in "latency_us":0}.
            String full = codec.encodeToString(new PriceTick(TickMessage.TYPE, t.symbol(), t.price(), t.qty(),
                    t.side(), t.tsMs(), 0));
            cached = new EncodedTick(event, full.substring(0, full.length() - 2), t.latencyUs());
            lastTick.put(event.topic(), cached);
        }
        long queuedUs = Math.max(0, Duration.between(event.publishedAt(), clock.instant()).toNanos() / 1000);
        return cached.prefix + (cached.engineLatencyUs + queuedUs) + "}";
    }

    /** The encoding of the latest tick of a topic, without its latency value. */
    private record EncodedTick(Event event, String prefix, long engineLatencyUs) {
    }

    private static String stream(Command command) {
        String s = command.stream();
        if (!StreamMessages.PRICE_FEED.equals(s) && !StreamMessages.REGIME.equals(s)) {
            throw ApiException.invalid("field 'stream' = " + (s == null ? "nothing" : "'" + s + "'")
                    + " is not accepted; expected one of [price_feed, regime]");
        }
        return s;
    }

    private String symbol(Command command) {
        String s = command.symbol();
        if (s == null || !engine.symbols().contains(s)) {
            throw ApiException.invalid("field 'symbol' = " + (s == null ? "nothing" : "'" + s + "'")
                    + " is not accepted; expected one of " + engine.symbols());
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Subscription> subscriptions(WebSocketConnection connection) {
        Object subs = connection.attributes().computeIfAbsent(SUBSCRIPTIONS, k -> new ConcurrentHashMap<>());
        return (Map<String, Subscription>) subs;
    }

    private static void reply(WebSocketConnection connection, RuntimeException failure, String requestId) {
        ErrorMapper.MappedError e = ErrorMapper.map(failure, requestId);
        connection.sendJson(StreamError.of(e.kind().name(), e.message()));
    }

}
