package io.hfthot.server.wiring;

import io.hfthot.engine.EngineBuilder;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.engine.lab.api.TickMessage;
import io.hfthot.engine.marketmaker.TradeData;
import io.hfthot.engine.redis.JsonPayloadCodec;
import io.hfthot.engine.redis.LakehouseCarryOver;
import io.hfthot.engine.redis.RedisBackends;
import io.hfthot.engine.redis.RedisLease;
import io.hfthot.engine.redis.RedisOptions;
import io.hfthot.lakehouse.Lakehouse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** The data directory's file recording that its identity rows were copied into Redis. */
    public static final String CARRIED_OVER = "redis-carried-over.txt";

    private static final Logger LOG = LoggerFactory.getLogger(Replicas.class);

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
     * Copies the keys, hub users, hub keys, secrets and provider keys a single server stored in the data directory
     * into Redis at the first start on it (once; see {@link LakehouseCarryOver}), so they keep working on every
     * replica. Call it before the engine is built.
     *
     * @param lakehouse the data directory's lakehouse
     * @param dataDir   the data directory, which keeps the {@value #CARRIED_OVER} marker
     */
    public void carryOver(Lakehouse lakehouse, Path dataDir) {
        Path done = dataDir.resolve(CARRIED_OVER);
        LakehouseCarryOver.Copied c = redis.carryOver(lakehouse, done);
        if (c.status() == LakehouseCarryOver.Status.COPIED && c.total() > 0) {
            LOG.info("copied from the data directory into Redis: {} API keys, {} hub users, {} hub API keys, {} secrets,"
                    + " {} provider keys", c.apiKeys(), c.hubUsers(), c.hubApiKeys(), c.secrets(), c.providerKeys());
        } else if (c.status() == LakehouseCarryOver.Status.COPIED_BEFORE_ELSEWHERE) {
            LOG.warn("{} says this data directory's keys, hub users and secrets were copied to a Redis before, but this"
                    + " Redis has no record of it (it lost its data, or it is another one): they are not copied again,"
                    + " since keys revoked since then would come back; delete the file and restart to copy them", done);
        }
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
