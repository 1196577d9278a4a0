package io.hfthot.adapters.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A small real engine (simulated market, lakehouse in a temp directory, in-memory identity, no
 * background jobs) on a settable clock, shared by the tests of one class.
 */
final class LabFixture implements AutoCloseable {
    /** A Monday afternoon, minute-aligned plus 30 s so that the current minute is open. */
    static final Instant START = Instant.parse("2026-01-12T14:00:30Z");

    final TestClock clock = new TestClock(START);
    final LabService engine;

    private final java.util.concurrent.atomic.AtomicInteger accounts = new java.util.concurrent.atomic.AtomicInteger();

    LabFixture(Path dir) {
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null);
    }

    /** Issues a key of a tier in its own account (keys of one account share its quotas and stream slots). */
    String key(Tier tier) {
        return engine.access().keys().issue("grpc-test-" + accounts.incrementAndGet(), tier).rawKey();
    }

    static ClientInterceptor withKey(String key) {
        Metadata metadata = new Metadata();
        metadata.put(ApiKeyAuthInterceptor.API_KEY, key);
        return MetadataUtils.newAttachHeadersInterceptor(metadata);
    }

    static void shutdown(ManagedChannel channel) throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        engine.close();
    }
}
