package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.adapters.grpc.proto.MFGRequest;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import io.hfthot.adapters.grpc.service.GrpcErrors;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The hardening reproductions over gRPC: bounded MFG parameters and revoked keys losing their streams. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabGrpcAccountsTest {
    private LabFixture lab;
    private LabGrpcServer server;
    private ManagedChannel channel;

    @BeforeAll
    void start(@TempDir Path dir) {
        lab = new LabFixture(dir);
        server = LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0), lab.engine, lab.clock);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @AfterAll
    void stop() throws InterruptedException {
        LabFixture.shutdown(channel);
        server.close();
        lab.close();
    }

    @Test
    void theReportedMfgRequestIsInvalidArgumentNamingTheRange() {
        String pro = lab.key(Tier.PROFESSIONAL);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> SignalServiceGrpc
                .newBlockingStub(channel).withInterceptors(LabFixture.withKey(pro))
                .getMFGPrice(MFGRequest.newBuilder().setSymbol("BTC-USDT").setNAgents(100_000).setHorizonMin(1440)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("horizon_min", e.getTrailers().get(GrpcErrors.ERROR_PARAM));
        assertTrue(e.getStatus().getDescription().contains("horizon_min must be in [1, 60], got 1440"),
                e.getStatus().getDescription());
        assertEquals(1000, SignalServiceGrpc.newBlockingStub(channel).withInterceptors(LabFixture.withKey(pro))
                .getMFGPrice(MFGRequest.newBuilder().setSymbol("BTC-USDT").build()).getNAgents(),
                "the default request runs on the compute gate");
    }

    @Test
    void revokingAKeyEndsItsStreamsAndRefusesItsCalls() throws Exception {
        String raw = lab.key(Tier.PROFESSIONAL);
        Principal key = lab.engine.access().keys().verify(raw).orElseThrow();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        MarketServiceGrpc.newStub(channel).withInterceptors(LabFixture.withKey(raw))
                .streamTicks(SubscribeRequest.newBuilder().setSymbol("BTC-USDT").build(), new StreamObserver<Tick>() {
                    @Override
                    public void onNext(Tick value) {
                        // ticks are not the subject here
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(null);
                    }
                });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lab.engine.access().quotas().activeStreams(key) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, lab.engine.access().quotas().activeStreams(key));
        assertTrue(lab.engine.revokeKey(key, key.keyId()).isPresent());
        Throwable t = ended.get(10, TimeUnit.SECONDS);
        assertTrue(t instanceof StatusRuntimeException s && s.getStatus().getDescription().contains("API key revoked"),
                String.valueOf(t));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> MarketServiceGrpc
                .newBlockingStub(channel).withInterceptors(LabFixture.withKey(raw))
                .getTicker(io.hfthot.adapters.grpc.proto.TickerRequest.newBuilder().setSymbol("BTC-USDT").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        assertEquals("UNAUTHORIZED", refused.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
    }
}
