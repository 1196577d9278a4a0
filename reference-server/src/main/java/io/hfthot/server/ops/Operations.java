package io.hfthot.server.ops;

import io.hfthot.engine.lab.LabService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server runs to be operated: the metrics registry, the feed probe, the lakehouse file gauges, the
 * management listener ({@code /metrics}, {@code /health/live}, {@code /health/ready}) and the task that keeps
 * gRPC's health service in step with readiness. The reference server starts it after its listeners and closes it
 * before them.
 */
public final class Operations implements AutoCloseable {
    /** How old the last tick may be while the server still reports ready (the simulator ticks several times a second). */
    public static final Duration MAX_TICK_AGE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final ServerMetrics metrics;
    private final FeedProbe feed;
    private final ManagementServer management;
    private final ScheduledExecutorService healthSync;

    private Operations(ServerMetrics metrics, FeedProbe feed, ManagementServer management,
                       ScheduledExecutorService healthSync) {
        this.metrics = metrics;
        this.feed = feed;
        this.management = management;
        this.healthSync = healthSync;
    }

    /**
     * Starts the probes, the management listener and the readiness sync; on failure closes what it started, the
     * metrics included.
     *
     * @param config      the management listener's settings
     * @param metrics     the registry the server's listeners already report to; closed with this
     * @param lab         the lab service (its feed and storage are what readiness checks)
     * @param clock       the clock
     * @param grpcServing told, every second, whether gRPC's health service should say SERVING
     * @param redis       when the server is a replica, whether Redis answers (empty: fine); null otherwise
     * @return the running operations
     * @throws IOException when the management port cannot be bound
     */
    public static Operations start(OperationsConfig config, ServerMetrics metrics, LabService lab, Clock clock,
                                   Consumer<Boolean> grpcServing, Supplier<Optional<String>> redis)
            throws IOException {
        FeedProbe feed = null;
        ManagementServer management = null;
        try {
            feed = new FeedProbe(lab, clock, metrics.registry());
            LakehouseFileGauges files = new LakehouseFileGauges(lab.engine().lakehouse(), metrics.registry(),
                    Duration.ofSeconds(5));
            Readiness checks = new Readiness(lab.storage(), feed::lastTickAge, MAX_TICK_AGE);
            Readiness readiness = redis == null ? checks : checks.with("redis", redis);
            management = ManagementServer.start(config, () -> {
                files.refresh();
                return metrics.scrape();
            }, readiness);
            return new Operations(metrics, feed, management, keepGrpcHealthInStep(grpcServing, readiness));
        } catch (IOException | RuntimeException e) {
            new Operations(metrics, feed, management, null).close();
            throw e;
        }
    }

    /** Sets gRPC's health service to NOT_SERVING whenever readiness fails, checked every second. */
    private static ScheduledExecutorService keepGrpcHealthInStep(Consumer<Boolean> grpcServing, Readiness readiness) {
        ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-grpc-health");
            t.setDaemon(true);
            return t;
        });
        sync.scheduleWithFixedDelay(() -> {
            try {
                grpcServing.accept(readiness.check().ready());
            } catch (RuntimeException e) {
                LOG.warn("readiness check failed", e);
                grpcServing.accept(false);
            }
        }, 0, 1, TimeUnit.SECONDS);
        return sync;
    }

    /** @return the management listener */
    public ManagementServer management() {
        return management;
    }

    /** Stops the readiness sync, the management listener, the feed probe and the metrics; idempotent. */
    @Override
    public void close() {
        if (healthSync != null) {
            healthSync.shutdownNow();
        }
        if (management != null) {
            management.close();
        }
        if (feed != null) {
            feed.close();
        }
        metrics.close();
    }
}
