package io.hfthot.server.wiring;

import io.hfthot.engine.EngineBuilder;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.engine.lab.api.TickMessage;
import io.hfthot.engine.marketmaker.TradeData;
import io.hfthot.engine.redis.JsonPayloadCodec;
import io.hfthot.engine.redis.RedisBackends;
import io.hfthot.engine.redis.RedisLease;
import io.hfthot.engine.redis.RedisOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code --redis} adds to a server: the Redis stores and event bus on the engine builder, and the market
 * writer lease that makes exactly one replica run the simulator's feed and write {@code market.*}.
 *
 * <p>The lease has a 5 s time to live checked every second, so when the writer dies another replica takes over
 * within about 6 s; the engine reads {@link #isMarketWriter()} before each background round.
 */
public final class Replicas implements AutoCloseable {
    /** The market writer lease's name in Redis. */
    public static final String MARKET_WRITER = "market-writer";
    /** The lease's time to live. */
    public static final Duration LEASE_TTL = Duration.ofSeconds(5);

    private final RedisBackends redis;
    private final AtomicBoolean writer = new AtomicBoolean();
    private final String replicaId;
    private final RedisLease lease;

    private Replicas(RedisBackends redis, String replicaId) throws IOException {
        this.redis = redis;
        this.replicaId = replicaId;
        this.lease = redis.lease(MARKET_WRITER, replicaId, LEASE_TTL, new RedisLease.Listener() {
            @Override
            public void acquired() {
                writer.set(true);
            }

            @Override
            public void lost() {
                writer.set(false);
            }
        });
        try {
            if (!lease.awaitFirstCheck(LEASE_TTL)) {
                throw new IOException("could not ask Redis for the market writer lease within " + LEASE_TTL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking Redis for the market writer lease", e);
        }
    }

    /**
     * Connects to Redis and competes for the market writer lease.
     *
     * @param uri the {@code --redis} address
     * @return the wiring; close it after the engine
     * @throws IOException when Redis cannot be reached (the message names it)
     */
    public static Replicas connect(String uri) throws IOException {
        RedisBackends redis;
        try {
            redis = RedisBackends.connect(RedisOptions.of(uri));
        } catch (RuntimeException e) {
            throw new IOException("cannot reach Redis at " + uri.replaceAll("//[^@/]*@", "//***@") + " (--redis): "
                    + e.getMessage(), e);
        }
        try {
            return new Replicas(redis, newReplicaId());
        } catch (IOException | RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /**
     * The payload types that cross replicas on the shared event bus. A surface that publishes a new type registers
     * it here (a shared bus refuses an unregistered type by name rather than sending what others cannot read).
     *
     * @return the codec
     */
    public static JsonPayloadCodec payloads() {
        return JsonPayloadCodec.builder().register("lab.tick", TickMessage.class)
                .register("lab.regime_change", RegimeChangeMessage.class)
                .register("hti.idea", TradeIdea.class)
                .register("marketmaker.trade_data", TradeData.class)
                // The hub's agent_status, trade and log messages are JSON objects built as ordered maps.
                .register("hub.message", LinkedHashMap.class).build();
    }

    /**
     * Puts the Redis stores, the shared bus and the market-writer role on a builder.
     *
     * @param builder         the builder
     * @param clock           stamps events
     * @param deliveryThreads threads pushing events to local subscribers
     * @return the builder
     */
    public EngineBuilder apply(EngineBuilder builder, InstantSource clock, int deliveryThreads) {
        return redis.applyTo(builder).eventBus(redis.eventBus(clock, payloads(), deliveryThreads))
                .marketWriter(writer::get);
    }

    /**
     * Tells whether this replica holds the market writer lease now.
     *
     * @return true while it writes market data
     */
    public boolean isMarketWriter() {
        return writer.get();
    }

    /**
     * Returns this replica's id in the lease.
     *
     * @return host, pid and a random suffix
     */
    public String replicaId() {
        return replicaId;
    }

    /**
     * Asks Redis whether it answers now, for readiness.
     *
     * @return empty when it does; otherwise why not
     */
    public Optional<String> redisUnreachable() {
        return redis.unreachable();
    }

    /** Gives the lease up (another replica takes over at once) and closes the Redis connection. */
    @Override
    public void close() {
        redis.close();
    }

    private static String newReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
